/**
 * Reward-hacking detectors over a training run ({@link dev.juror.watch.RunSeries}): each reads the
 * run step by step and raises {@link dev.juror.watch.detect.Alarm}s; {@link dev.juror.watch.detect.WatchReport}
 * is what {@code juror watch report} prints and the Training screen draws. Plain Java, no store, no screen.
 */
package dev.juror.watch.detect;
