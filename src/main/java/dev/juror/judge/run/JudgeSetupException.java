package dev.juror.judge.run;

/**
 * A judge run cannot be set up as asked: an unknown provider, a missing base URL, a URL that is not
 * one, a rubric the judge cannot grade, an unknown sample. {@link #setting()} names what to fix
 * ({@code provider}, {@code endpoint}, {@code base-url}, {@code rubric}, {@code samples}, ...) so the
 * command line can name its option and the workbench its field; {@link #detail()} says what is wrong.
 */
public final class JudgeSetupException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String setting;
    private final String detail;

    public JudgeSetupException(String setting, String detail) {
        super(setting + " " + detail);
        this.setting = setting;
        this.detail = detail;
    }

    public String setting() {
        return setting;
    }

    public String detail() {
        return detail;
    }
}
