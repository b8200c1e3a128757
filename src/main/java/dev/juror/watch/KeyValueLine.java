package dev.juror.watch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metrics of one trainer log line written as key-value text, as SageMaker / Nova Forge (verl's
 * {@code step:12 - critic/rewards/mean:0.53 - response_length/mean:412.0}) and HyperPod
 * ({@code {'train_rm_score': 0.45, 'global_step': 10}} or {@code train_rm_score=0.45 step=10}) print
 * them: every {@code name:number} or {@code name=number}, a name quoted or not. The step is the
 * value of {@code step}, {@code global_step} or {@code train/global_step}; {@code nan} values are left out.
 */
record KeyValueLine(OptionalInt step, Map<String, Double> values) {

    private static final Pattern PAIR = Pattern.compile(
            "(?<![\\w/.\\-@])['\"]?([A-Za-z_][\\w/.\\-@]*)['\"]?\\s*[:=]\\s*['\"]?"
                    + "(-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?|nan|NaN|-?inf)(?![\\w.:])");
    private static final Set<String> STEP_KEYS = Set.of("step", "global_step", "train/global_step",
            "training/global_step", "Step");

    static KeyValueLine parse(String text) {
        Matcher m = PAIR.matcher(text);
        OptionalInt step = OptionalInt.empty();
        Map<String, Double> values = new LinkedHashMap<>();
        while (m.find()) {
            String key = m.group(1);
            String number = m.group(2);
            if (STEP_KEYS.contains(key)) {
                try {
                    step = OptionalInt.of(Integer.parseInt(number));
                } catch (NumberFormatException notWhole) {
                    // "step: 1.5" is no step number; left out
                }
                continue;
            }
            double value = Double.parseDouble(number.replace("inf", "Infinity").replace("nan", "NaN"));
            if (Double.isFinite(value)) {
                values.put(key, value);
            }
        }
        return new KeyValueLine(step, values);
    }
}
