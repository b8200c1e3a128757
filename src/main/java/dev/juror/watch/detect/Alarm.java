package dev.juror.watch.detect;

import java.util.List;
import java.util.Map;

/**
 * One detector firing.
 *
 * @param detector  the detector's fixed name ({@code verbosity}, {@code coverage_collapse}, ...; see {@link DetectorNames})
 * @param step      the step it fired at
 * @param evidence  one plain sentence with the numbers ("reward rose 0.21 while the mean length rose 64 %
 *                  over steps 120-160; rank correlation 0.58")
 * @param numbers   the statistic and what it was compared with, by name, for the JSON report
 * @param examples  sample ids of example rollouts at that step (highest reward first), at most five
 */
public record Alarm(String detector, int step, String evidence, Map<String, Double> numbers, List<String> examples) {
}
