package dev.juror.app.judge;

import dev.juror.app.settings.Settings;
import dev.juror.batch.S3Location;
import dev.juror.judge.run.JudgeSetupException;
import dev.juror.workspace.judging.BatchRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The run form's batch part: how to call the judge (on demand, a Bedrock batch job, or auto), and for
 * a batch job the S3 folder and the service role, remembered in the workbench settings (names, never
 * credentials). Batch needs the bedrock provider: with another provider the choice is on demand and
 * the hint says why. Each field has its own error line, filled by {@link #problem()} and by the
 * launcher's {@link JudgeSetupException} ({@link #showSetupProblem}).
 */
public final class BatchFormViewModel {

    /** Where the form explains the permissions a batch job needs. */
    static final String PERMISSIONS_DOC = "docs/batch-permissions.md";

    private final ObservableStringValue provider;
    private final ObservableList<CallMode> modes = FXCollections.observableArrayList(CallMode.values());
    private final ObjectProperty<CallMode> mode = new SimpleObjectProperty<>(this, "mode", CallMode.ON_DEMAND);
    private final StringProperty s3Prefix = new SimpleStringProperty(this, "s3Prefix", "");
    private final StringProperty roleArn = new SimpleStringProperty(this, "roleArn", "");
    private final StringProperty modeError = new SimpleStringProperty(this, "modeError", "");
    private final StringProperty s3PrefixError = new SimpleStringProperty(this, "s3PrefixError", "");
    private final StringProperty roleArnError = new SimpleStringProperty(this, "roleArnError", "");
    private final BooleanBinding available;
    private final BooleanBinding batchChosen;
    private final StringBinding hint;
    /** The values last taken from the settings: a later settings change (a moved divider) keeps what was typed. */
    private String appliedPrefix;
    private String appliedRole;

    BatchFormViewModel(ObservableStringValue provider) {
        this.provider = provider;
        available = Bindings.createBooleanBinding(() -> "bedrock".equals(provider.get()), provider);
        batchChosen = Bindings.createBooleanBinding(() -> mode.get() != null && mode.get().mayBatch(), mode);
        hint = Bindings.createStringBinding(() -> available.get()
                ? (mode.get() == null ? CallMode.ON_DEMAND : mode.get()).description()
                : "Batch jobs and Auto need the bedrock provider.", available, mode);
        available.addListener((obs, old, now) -> {
            if (!now) {
                mode.set(CallMode.ON_DEMAND);
            }
        });
        mode.addListener((obs, old, now) -> modeError.set(""));
        s3Prefix.addListener((obs, old, now) -> s3PrefixError.set(""));
        roleArn.addListener((obs, old, now) -> roleArnError.set(""));
    }

    /** Takes the remembered S3 folder and role, unless the settings still hold what was taken before. */
    void applySettings(Settings settings) {
        if (!settings.batchS3Prefix().equals(appliedPrefix)) {
            appliedPrefix = settings.batchS3Prefix();
            s3Prefix.set(appliedPrefix);
        }
        if (!settings.batchRoleArn().equals(appliedRole)) {
            appliedRole = settings.batchRoleArn();
            roleArn.set(appliedRole);
        }
    }

    /** Why the batch part cannot start a run (each field's error line filled), or empty when it can. */
    Optional<String> problem() {
        if (!batchChosen.get()) {
            return Optional.empty();
        }
        List<String> problems = new ArrayList<>();
        if (!available.get()) {
            problems.add(set(modeError, "A batch job needs the bedrock provider: choose bedrock, or On demand."));
        }
        String prefix = text(s3Prefix);
        if (prefix.isEmpty()) {
            problems.add(set(s3PrefixError, "Give the S3 folder the job reads and writes, as s3://bucket/folder."));
        } else {
            try {
                S3Location.parseFolder(prefix);
            } catch (IllegalArgumentException e) {
                problems.add(set(s3PrefixError, "Not an S3 folder: " + e.getMessage() + "."));
            }
        }
        String role = text(roleArn);
        if (role.isEmpty()) {
            problems.add(set(roleArnError, "Give the service role Bedrock uses for the job, as"
                    + " arn:aws:iam::ACCOUNT:role/NAME (see " + PERMISSIONS_DOC + ")."));
        } else if (!role.startsWith("arn:")) {
            problems.add(set(roleArnError, "\"" + role + "\" is not a role ARN: write it as"
                    + " arn:aws:iam::ACCOUNT:role/NAME."));
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    /** What the run asks of batch inference; call once {@link #problem()} is empty. */
    BatchRequest request() {
        if (!batchChosen.get()) {
            return BatchRequest.ONLINE;
        }
        return new BatchRequest(mode.get().batchMode(), Optional.of(text(s3Prefix)), Optional.of(text(roleArn)),
                Optional.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    /**
     * Shows the launcher's refusal beside its field when it is about the batch part ({@code mode},
     * {@code s3-prefix}, {@code role-arn}); false when it is about something else.
     */
    boolean showSetupProblem(JudgeSetupException e) {
        StringProperty field = switch (e.setting()) {
            case "mode" -> modeError;
            case "s3-prefix" -> s3PrefixError;
            case "role-arn" -> roleArnError;
            default -> null;
        };
        if (field == null) {
            return false;
        }
        field.set(plain(e.detail()));
        return true;
    }

    /** The launcher speaks in command-line options; the form names its own choices instead. */
    static String plain(String detail) {
        return detail.replace("--mode online", "On demand").replace("--mode auto", "Auto")
                .replace("--mode batch", "Batch job").replace("--provider bedrock", "the bedrock provider")
                .replace("--s3-prefix ", "").replace("--role-arn ", "");
    }

    private static String set(StringProperty error, String text) {
        error.set(text);
        return text;
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    public ObservableList<CallMode> modes() { return modes; }
    public ObjectProperty<CallMode> modeProperty() { return mode; }
    public StringProperty s3PrefixProperty() { return s3Prefix; }
    public StringProperty roleArnProperty() { return roleArn; }
    public StringProperty modeErrorProperty() { return modeError; }
    public StringProperty s3PrefixErrorProperty() { return s3PrefixError; }
    public StringProperty roleArnErrorProperty() { return roleArnError; }
    /** Whether batch can be chosen (the bedrock provider). */
    public BooleanBinding availableBinding() { return available; }
    /** Whether the choice may send the run to a batch job (the S3 folder and role are shown). */
    public BooleanBinding batchChosenBinding() { return batchChosen; }
    /** What the chosen way does, or why batch cannot be chosen. */
    public StringBinding hintBinding() { return hint; }
}
