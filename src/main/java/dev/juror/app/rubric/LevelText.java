package dev.juror.app.rubric;

/** One level of a dimension as edited: its key ({@code 5}, {@code pass}, {@code better}) and its description. */
public record LevelText(String key, String text) {

    public LevelText {
        text = text == null ? "" : text;
    }
}
