package dev.juror.export;

import dev.juror.judge.ModelCapabilities;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The user-editable judge price table ({@code prices.yaml}, see docs/export.md).
 *
 * @param source   where it was read from (a file, or the shipped example table), for budget.md
 * @param currency the prices' currency ({@code USD} unless the file says otherwise)
 * @param models   entries by key, in file order
 */
public record PriceTable(String source, String currency, Map<String, ModelPrice> models) {

    public PriceTable {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(currency, "currency");
        models = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(models));
    }

    /**
     * The entry for a judge model: the exact id first, then its base model id (so one entry for
     * {@code anthropic.claude-...} covers the {@code us.} and {@code global.} profiles and ARNs);
     * keys compare without regard to case.
     */
    public Optional<ModelPrice> find(String modelId) {
        String exact = modelId.trim().toLowerCase(Locale.ROOT);
        String base = ModelCapabilities.baseModelId(modelId);
        ModelPrice byBase = null;
        for (ModelPrice p : models.values()) {
            String key = p.key().trim().toLowerCase(Locale.ROOT);
            if (key.equals(exact)) {
                return Optional.of(p);
            }
            if (byBase == null && key.equals(base)) {
                byBase = p;
            }
        }
        return Optional.ofNullable(byBase);
    }
}
