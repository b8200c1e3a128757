package dev.juror.export;

/** A judge cost in the price table's currency, or why it cannot be given (never a silent zero). */
public sealed interface Cost {

    record Known(double perCall, double perStep, double perRun, boolean example) implements Cost {
    }

    record Unknown(String reason) implements Cost {
    }
}
