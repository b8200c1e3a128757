package dev.juror.judge.output;

/**
 * The status Juror records per judge result. The transport produces {@link #OK}, {@link #API_ERROR},
 * {@link #TIMEOUT}, {@link #REFUSED} and {@link #PARSE_ERROR} (truncated or malformed model output);
 * {@link #SCHEMA_ERROR} and further {@link #PARSE_ERROR}s come from parsing the text of an OK answer.
 * It lives here, beside the parser that produces most of its values, because {@code judge} depends on
 * {@code judge.output} and never the other way round.
 */
public enum ResultStatus {
    OK("ok"),
    PARSE_ERROR("parse_error"),
    SCHEMA_ERROR("schema_error"),
    API_ERROR("api_error"),
    TIMEOUT("timeout"),
    REFUSED("refused");

    private final String code;

    ResultStatus(String code) {
        this.code = code;
    }

    /** The lower-case code stored and exported ({@code ok}, {@code api_error}, ...). */
    public String code() {
        return code;
    }
}
