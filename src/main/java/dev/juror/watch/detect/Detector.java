package dev.juror.watch.detect;

/** One reward-hacking detector: a statistic over a window of steps against a threshold (docs/training-watch.md). */
public interface Detector {

    /** The fixed name ({@link DetectorNames}). */
    String name();

    Detection detect(DetectionInput in);
}
