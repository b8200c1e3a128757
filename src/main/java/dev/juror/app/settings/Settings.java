package dev.juror.app.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user's workbench settings, as stored in {@code settings.json}. Immutable; change one with the
 * {@code with...} methods. Never holds credentials: judge providers are described by region,
 * profile name and URL only, and the AWS default chain supplies the keys.
 *
 * @param labeller           the name labels are stored under; blank until asked at first start
 * @param recentWorkspaces   most recent first, at most {@link #MAX_RECENT}
 * @param fontSize           base font size in points
 * @param defaultConcurrency judge calls in flight by default
 * @param dividers           split-pane divider positions by pane name
 * @param batchS3Prefix      the judge screen's last S3 folder for Bedrock batch jobs ({@code s3://bucket/prefix})
 * @param batchRoleArn       the judge screen's last batch service role ARN (a name, not a credential)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String labeller, List<String> recentWorkspaces, Theme theme, int fontSize,
                       int defaultConcurrency, String bedrockRegion, String bedrockProfile, String openAiBaseUrl,
                       WindowLayout window, Map<String, List<Double>> dividers, String batchS3Prefix,
                       String batchRoleArn) {

    public static final int MAX_RECENT = 8;
    public static final int MIN_FONT_SIZE = 9;
    public static final int MAX_FONT_SIZE = 24;
    public static final int DEFAULT_FONT_SIZE = 13;
    public static final int DEFAULT_CONCURRENCY = 4;
    public static final int MAX_CONCURRENCY = 256;

    public Settings {
        labeller = labeller == null ? "" : labeller.strip();
        recentWorkspaces = recentWorkspaces == null ? List.of()
                : recentWorkspaces.stream().filter(p -> p != null && !p.isBlank()).distinct().limit(MAX_RECENT).toList();
        theme = theme == null ? Theme.LIGHT : theme;
        fontSize = fontSize < MIN_FONT_SIZE || fontSize > MAX_FONT_SIZE ? DEFAULT_FONT_SIZE : fontSize;
        defaultConcurrency = defaultConcurrency < 1 || defaultConcurrency > MAX_CONCURRENCY
                ? DEFAULT_CONCURRENCY : defaultConcurrency;
        bedrockRegion = bedrockRegion == null ? "" : bedrockRegion.strip();
        bedrockProfile = bedrockProfile == null ? "" : bedrockProfile.strip();
        openAiBaseUrl = openAiBaseUrl == null ? "" : openAiBaseUrl.strip();
        window = window == null ? WindowLayout.DEFAULT : window;
        dividers = dividers == null ? Map.of() : Map.copyOf(dividers);
        batchS3Prefix = batchS3Prefix == null ? "" : batchS3Prefix.strip();
        batchRoleArn = batchRoleArn == null ? "" : batchRoleArn.strip();
    }

    public static Settings defaults() {
        return new Settings("", List.of(), Theme.LIGHT, DEFAULT_FONT_SIZE, DEFAULT_CONCURRENCY, "us-east-1", "",
                "http://localhost:8000/v1", WindowLayout.DEFAULT, Map.of(), "", "");
    }

    public boolean hasLabeller() {
        return !labeller.isEmpty();
    }

    public Settings withLabeller(String name) {
        return new Settings(name, recentWorkspaces, theme, fontSize, defaultConcurrency, bedrockRegion,
                bedrockProfile, openAiBaseUrl, window, dividers, batchS3Prefix, batchRoleArn);
    }

    /** Puts {@code workspace} first in the recent list. */
    public Settings withRecentWorkspace(String workspace) {
        List<String> recent = new ArrayList<>();
        recent.add(workspace);
        recentWorkspaces.stream().filter(p -> !p.equals(workspace)).forEach(recent::add);
        return new Settings(labeller, recent, theme, fontSize, defaultConcurrency, bedrockRegion, bedrockProfile,
                openAiBaseUrl, window, dividers, batchS3Prefix, batchRoleArn);
    }

    public Settings withPreferences(Theme newTheme, int newFontSize, int newConcurrency, String region,
                                    String profile, String baseUrl) {
        return new Settings(labeller, recentWorkspaces, newTheme, newFontSize, newConcurrency, region, profile,
                baseUrl, window, dividers, batchS3Prefix, batchRoleArn);
    }

    public Settings withWindow(WindowLayout layout) {
        return new Settings(labeller, recentWorkspaces, theme, fontSize, defaultConcurrency, bedrockRegion,
                bedrockProfile, openAiBaseUrl, layout, dividers, batchS3Prefix, batchRoleArn);
    }

    public Settings withDividers(String pane, List<Double> positions) {
        Map<String, List<Double>> changed = new LinkedHashMap<>(dividers);
        changed.put(pane, List.copyOf(positions));
        return new Settings(labeller, recentWorkspaces, theme, fontSize, defaultConcurrency, bedrockRegion,
                bedrockProfile, openAiBaseUrl, window, changed, batchS3Prefix, batchRoleArn);
    }

    /** The S3 folder and service role the judge screen's batch runs used last (remembered, never credentials). */
    public Settings withBatch(String s3Prefix, String roleArn) {
        return new Settings(labeller, recentWorkspaces, theme, fontSize, defaultConcurrency, bedrockRegion,
                bedrockProfile, openAiBaseUrl, window, dividers, s3Prefix, roleArn);
    }
}
