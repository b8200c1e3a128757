package dev.juror.align;

/**
 * An alignment the input does not allow, refused before any judge call: too few labels for the splits,
 * a candidate that breaks the output schema, a budget cap that would be exceeded, a test split used
 * before. {@code setting} names what to change ({@code labels}, {@code budget}, {@code test-split}...).
 */
public final class AlignInputException extends RuntimeException {

    private final String setting;

    public AlignInputException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
