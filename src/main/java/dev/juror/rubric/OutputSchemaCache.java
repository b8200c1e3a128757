package dev.juror.rubric;

/**
 * Compiled output schemas by rubric, so a judge run compiles each rubric's schema once and then
 * only validates. Hold one per judge run or per application; thread-safe.
 */
public final class OutputSchemaCache {

    private final RubricMemo<OutputSchema> schemas = new RubricMemo<>(OutputSchema::of);

    public OutputSchema get(Rubric rubric) {
        return schemas.get(rubric);
    }

    public int size() {
        return schemas.size();
    }
}
