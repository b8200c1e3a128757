package dev.juror.app.export;

/** One result of the budget planner as shown: name, value, and whether it is a setting to copy. */
public record BudgetLine(String name, String value, boolean key) {
}
