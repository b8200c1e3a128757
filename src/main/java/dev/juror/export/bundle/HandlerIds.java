package dev.juror.export.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.juror.lambda.HandlerId;
import dev.juror.lambda.LambdaConfig;
import java.util.List;

/**
 * {@code juror bundle verify} on the handler id (docs/lambda.md): the {@code handler_id} in the
 * zip's {@code juror-reward.json} must be the one its content gives ({@link HandlerId#of}) and the
 * one {@code MANIFEST.json} records, so a reward record's {@code bundle} names exactly one bundle.
 * A bundle exported before handler ids existed has neither and passes.
 */
final class HandlerIds {

    private HandlerIds() {
    }

    static void check(JsonNode config, JsonNode manifest, String where, List<Verification.Problem> problems) {
        String packaged = config.path(HandlerId.FIELD).asText("");
        String recorded = manifest.path(HandlerId.FIELD).asText("");
        if (packaged.isEmpty() && recorded.isEmpty()) {
            return;
        }
        if (!packaged.equals(recorded)) {
            problems.add(new Verification.Problem(where, HandlerId.FIELD + " is "
                    + (packaged.isEmpty() ? "missing" : packaged) + ", " + BundleManifest.FILE + " says "
                    + (recorded.isEmpty() ? "nothing" : recorded)));
            return;
        }
        String actual;
        try {
            actual = HandlerId.of(LambdaConfig.fromJson(config));
        } catch (IllegalArgumentException e) {
            problems.add(new Verification.Problem(where, "the handler's configuration cannot be read: " + e.getMessage()));
            return;
        }
        if (!actual.equals(packaged)) {
            problems.add(new Verification.Problem(where, "the configuration's " + HandlerId.FIELD + " is " + actual
                    + ", not the " + packaged + " it declares"));
        }
    }
}
