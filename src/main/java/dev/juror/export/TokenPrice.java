package dev.juror.export;

import java.util.List;
import java.util.OptionalDouble;

/** The price of some tokens at a price per 1,000, for the budget planner and the judge-run estimate alike. */
final class TokenPrice {

    private TokenPrice() {
    }

    /**
     * tokens x price / 1000; a price is needed only when there are tokens to pay for, and a missing one
     * is noted by name in {@code missing} (the cost is then unknown, never zero).
     */
    static double of(double tokens, OptionalDouble pricePer1k, String name, List<String> missing) {
        if (tokens <= 0) {
            return 0;
        }
        if (pricePer1k.isEmpty()) {
            missing.add(name);
            return 0;
        }
        return tokens * pricePer1k.getAsDouble() / 1000.0;
    }
}
