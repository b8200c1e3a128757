package dev.juror.cli;

import dev.juror.judge.run.RunProgress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/** Prints the latest progress on stderr about once a second, when a person is watching. */
final class JudgeProgressPrinter implements AutoCloseable {
    private final PrintWriter err;
    private final AtomicReference<RunProgress> latest = new AtomicReference<>();
    private final Thread ticker;

    JudgeProgressPrinter(PrintWriter err, boolean enabled) {
        this.err = err;
        this.ticker = enabled ? Thread.ofPlatform().daemon(true).name("judge-progress").start(this::loop) : null;
    }

    void update(RunProgress progress) {
        latest.set(progress);
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(1000);
                RunProgress p = latest.get();
                if (p != null) {
                    err.println(line(p));
                    err.flush();
                }
            }
        } catch (InterruptedException stopped) {
            // closed
        }
    }

    static String line(RunProgress p) {
        if (!p.stage().isEmpty()) {
            return String.format(Locale.ROOT, "judge: %s; %d/%d results stored, %.0f s elapsed", p.stage(), p.done(),
                    p.total(), p.elapsed().toNanos() / 1e9);
        }
        return String.format(Locale.ROOT, "judge: %d/%d done, %d failed, %d in flight, %d throttled, %d retries,"
                        + " %d tokens, %.0f s elapsed%s", p.done(), p.total(), p.failed(), p.batch().inFlight(),
                p.throttled(), p.retries(), p.batch().usage().inputTokens() + p.batch().usage().outputTokens(),
                p.elapsed().toNanos() / 1e9,
                p.eta().map(eta -> String.format(Locale.ROOT, ", ETA %.0f s", eta.toNanos() / 1e9)).orElse(""));
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.interrupt();
        }
    }
}
