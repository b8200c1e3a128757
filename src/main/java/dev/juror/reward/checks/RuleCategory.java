package dev.juror.reward.checks;

/** The family a rule belongs to; the prefix of its stable name. */
public enum RuleCategory {
    INJECTION("injection"),
    HIDDEN_TEXT("hidden"),
    ENCODED("encoded"),
    MASTER_KEY("master_key"),
    FORMAT("format"),
    LENGTH("length"),
    LANGUAGE("language"),
    SAFETY("safety");

    private final String prefix;

    RuleCategory(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }
}
