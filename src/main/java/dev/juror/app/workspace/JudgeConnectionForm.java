package dev.juror.app.workspace;

import dev.juror.app.settings.Settings;
import dev.juror.judge.run.JudgeFactory;
import dev.juror.judge.run.JudgeSettings;
import java.util.Optional;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The judge part of a form, shared by the judge runs screen and the regression screen so both build
 * a judge the same way: provider, model, and the connection names (Bedrock region, profile and
 * endpoint; the OpenAI-compatible base URL), which start from the Settings dialog. What it holds
 * becomes {@link JudgeSettings}, never a credential.
 */
public final class JudgeConnectionForm {

    private final ObservableList<String> providers = FXCollections.observableArrayList(JudgeFactory.PROVIDERS);
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "heuristic");
    private final StringProperty model = new SimpleStringProperty(this, "model", "");
    private final StringProperty region = new SimpleStringProperty(this, "region", "");
    private final StringProperty profile = new SimpleStringProperty(this, "profile", "");
    private final StringProperty endpoint = new SimpleStringProperty(this, "endpoint", "");
    private final StringProperty baseUrl = new SimpleStringProperty(this, "baseUrl", "");

    /** Takes region, profile and base URL from the settings. */
    public void applySettings(Settings settings) {
        region.set(settings.bedrockRegion());
        profile.set(settings.bedrockProfile());
        baseUrl.set(settings.openAiBaseUrl());
    }

    /** The connection settings of the chosen provider only (names, no credentials), with a concurrency if given. */
    public JudgeSettings settings(Optional<Integer> concurrency) {
        String chosen = provider.get() == null ? "" : provider.get();
        boolean bedrock = chosen.equals("bedrock");
        return new JudgeSettings(bedrock ? text(region) : Optional.empty(), bedrock ? text(profile) : Optional.empty(),
                bedrock ? text(endpoint) : Optional.empty(), chosen.equals("openai") ? text(baseUrl) : Optional.empty(),
                Optional.empty(), concurrency);
    }

    private static Optional<String> text(StringProperty p) {
        String v = p.get() == null ? "" : p.get().strip();
        return v.isEmpty() ? Optional.empty() : Optional.of(v);
    }

    /** The judge providers, as {@link JudgeFactory#PROVIDERS} names them. */
    public ObservableList<String> providers() { return providers; }
    public StringProperty providerProperty() { return provider; }
    public StringProperty modelProperty() { return model; }
    public StringProperty regionProperty() { return region; }
    public StringProperty profileProperty() { return profile; }
    public StringProperty endpointProperty() { return endpoint; }
    public StringProperty baseUrlProperty() { return baseUrl; }
}
