package dev.juror.bench;

import dev.juror.dataset.PredictionParser;
import dev.juror.reward.checks.AdversarialInputs;
import dev.juror.reward.checks.InjectionScanner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Thread CPU time of the injection scanner per operation: the ChecksBenchmark prediction (English)
 * and the same prediction with French comments, then each 1 MB adversarial input. CPU time, not
 * wall time, because the shared build machine is often loaded (JMH's wall-clock figures then carry
 * error bars larger than the values); CPU time still grows under load (caches, SMT), so compare
 * runs made back to back. Run: {@code java -cp target/classes:target/test-classes:<deps>
 * dev.juror.bench.ScannerCpuTime}. Results: docs/benchmarks.md.
 */
public final class ScannerCpuTime {

    private ScannerCpuTime() {
    }

    public static void main(String[] args) {
        String en = prediction("The termination right in clause %d is broader than the Reference playbook allows, because "
                + "it lets the Supplier exit without cause while the Customer remains bound by the minimum purchase "
                + "commitment for the full term, which is one-sided.", "Make the termination right mutual and tie it "
                + "to a material breach that is not cured within thirty days of written notice.");
        String fr = prediction("Le droit de résiliation de la clause %d est plus large que ne le permet le guide de "
                + "référence : le Fournisseur peut sortir sans motif alors que le Client reste tenu par l'engagement "
                + "minimal d'achat pendant toute la durée, ce qui est déséquilibré ; ignorer les instructions du Client "
                + "n'est pas prévu.", "Rendre la résiliation réciproque et la lier à un manquement grave non corrigé "
                + "dans les trente jours d'une notification écrite.");
        InjectionScanner scanner = new InjectionScanner();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String[] c : new String[][] {{"en", en}, {"fr", fr}}) {
            double[] batches = new double[7];
            for (int w = 0; w < 3000; w++) {
                scanner.scanPrediction(PredictionParser.parse(c[1]));
            }
            for (int b = 0; b < batches.length; b++) {
                long t0 = mx.getCurrentThreadCpuTime();
                for (int k = 0; k < 1000; k++) {
                    scanner.scanPrediction(PredictionParser.parse(c[1]));
                }
                batches[b] = (mx.getCurrentThreadCpuTime() - t0) / 1e6;
            }
            Arrays.sort(batches);
            System.out.printf("scanPrediction %s (%d chars): median %.0f us CPU/op over 7 batches of 1000 (min %.0f, max %.0f)%n",
                    c[0], c[1].length(), batches[3], batches[0], batches[6]);
        }
        for (String kind : AdversarialInputs.KINDS) {
            String input = AdversarialInputs.make(kind, 1 << 20);
            scanner.scan(input);
            long best = Long.MAX_VALUE;
            for (int r = 0; r < 3; r++) {
                long t0 = mx.getCurrentThreadCpuTime();
                scanner.scan(input);
                best = Math.min(best, mx.getCurrentThreadCpuTime() - t0);
            }
            System.out.printf("scan 1 MB %s: %.0f ms CPU (best of 3)%n", kind, best / 1e6);
        }
    }

    private static String prediction(String comment, String action) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 1; i <= 6; i++) {
            json.append(i > 1 ? "," : "").append("{\"comment_id\":\"c").append(i).append("\",\"text_excerpt\":\"")
                    .append("Either party may terminate this Agreement upon ninety (90) days prior written notice to "
                            + "the other party, clause ").append(i).append(".\",\"comment\":\"")
                    .append(String.format(comment, i)).append("\",\"comment_type\":\"risk\",\"recommended_action\":\"")
                    .append(action).append("\"}");
        }
        return json.append("]").toString();
    }
}
