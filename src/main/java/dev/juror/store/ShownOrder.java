package dev.juror.store;

/**
 * Which rollout of a stored pair a labeller saw on the left (as "A") when giving a preference.
 * The preference itself is always kept in the pair's stored naming; the order is recorded so
 * position effects of people can be studied like the judge's.
 */
public enum ShownOrder {
    /** The pair's first rollout on the left. */
    AB,
    /** The pair's second rollout on the left: the sides were swapped on screen. */
    BA;

    public static ShownOrder parse(String text) {
        String t = text == null ? "" : text.strip();
        return switch (t) {
            case "AB" -> AB;
            case "BA" -> BA;
            default -> throw new IllegalArgumentException("shown_order '" + text + "' is not AB or BA");
        };
    }
}
