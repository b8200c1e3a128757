package dev.juror.rubric;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiled output schemas by rubric, so a judge run compiles each rubric's schema once and then
 * only validates. Hold one per judge run or per application; thread-safe.
 */
public final class OutputSchemaCache {

    private final ConcurrentHashMap<Rubric, OutputSchema> schemas = new ConcurrentHashMap<>();

    public OutputSchema get(Rubric rubric) {
        return schemas.computeIfAbsent(rubric, OutputSchema::of);
    }

    public int size() {
        return schemas.size();
    }
}
