package dev.juror.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code training-overrides.json}: every RFT setting the budget plan assumed, spelled as the trainers
 * spell them, so the job that runs is the job that was planned (issue #13). A reward budget planned
 * for 64 prompts x 8 generations is wrong for a job the recipe runs at 128 x 4.
 *
 * <p>One flat object of recipe leaf keys, which is what the Nova Forge SDK's {@code overrides}
 * takes: the SDK walks its platform's recipe template and picks up the overrides whose key is a
 * leaf there, so a SageMaker recipe uses the snake_case keys and a Bedrock one the camelCase keys,
 * and each ignores the other's. Recipe paths (SageMaker HyperPod / training jobs):
 * <ul>
 *   <li>{@code global_batch_size}: {@code training_config.global_batch_size} (prompts per step, input)</li>
 *   <li>{@code number_generation}: {@code training_config.rollout.advantage_strategy.number_generation}
 *       (generations per prompt, input)</li>
 *   <li>{@code max_steps}: {@code training_config.trainer.max_steps} (input)</li>
 *   <li>{@code lambda_batch_size}: samples per Lambda invocation (input, lowered to fit the 6 MB payload)</li>
 *   <li>{@code lambda_concurrency_limit}: {@code training_config.rollout.rewards.api_endpoint.lambda_concurrency_limit}
 *       (derived by the planner)</li>
 * </ul>
 * Bedrock RFT ({@code customizationConfig.rftConfig.hyperParameters}): {@code batchSize} = the
 * prompts per step and {@code trainingSamplePerPrompt} = the generations per prompt. Bedrock has no
 * step count (it counts epochs) and no Lambda batch or concurrency setting, so those are not there.
 */
final class TrainingOverrides {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TrainingOverrides() {
    }

    static ObjectNode of(BudgetPlan plan, boolean unvalidated) {
        ObjectNode o = JSON.createObjectNode();
        if (unvalidated) {
            // A key the trainer does not know: it must be removed by hand, on purpose.
            o.put("_juror_unvalidated", "remove this key to train with an UNVALIDATED judge");
        }
        TrainingShape shape = plan.inputs().training();
        o.put("global_batch_size", shape.promptsPerStep());
        o.put("number_generation", shape.rolloutsPerPrompt());
        o.put("max_steps", shape.steps());
        // Samples per invocation, lowered so one event stays under the 6 MB invoke limit (budget.md).
        o.put("lambda_batch_size", plan.lambdaBatchSize());
        o.put("lambda_concurrency_limit", plan.lambdaConcurrencyLimit());
        o.put("batchSize", shape.promptsPerStep());
        o.put("trainingSamplePerPrompt", shape.rolloutsPerPrompt());
        return o;
    }
}
