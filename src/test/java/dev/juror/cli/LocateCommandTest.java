package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocateCommandTest {

    private static final String CONTRACT = "7.2 Rectification of Breach\nWhere the breach is rectifiable, the breaching party has "
            + "21 days from the date of notification of its breach to rectify.";
    private static final String PLAYBOOK = "A cure period of at least 30 days must be allowed before termination for breach.";

    @TempDir
    Path dir;
    Path target;
    Path reference;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    @BeforeEach
    void files() throws Exception {
        target = Files.writeString(dir.resolve("contract.txt"), CONTRACT);
        reference = Files.writeString(dir.resolve("playbook.txt"), PLAYBOOK);
    }

    private int run(String... args) {
        return CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void printsJsonWithStatusAndOffsets() throws Exception {
        int exit = run("locate", "--target", target.toString(), "--reference", reference.toString(),
                "--excerpt", "the breaching party has 21 days", "--json");
        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        int start = CONTRACT.indexOf("the breaching party has 21 days");
        assertThat(json.get("status").asText()).isEqualTo("exact");
        assertThat(json.get("start").asInt()).isEqualTo(start);
        assertThat(json.get("end").asInt()).isEqualTo(start + "the breaching party has 21 days".length());
        assertThat(json.get("similarity").asDouble()).isEqualTo(1.0);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void reportsNormalizedAndInReferenceMatches() throws Exception {
        run("locate", "--target", target.toString(), "--excerpt", "RECTIFICATION OF BREACH WHERE THE BREACH", "--json");
        assertThat(new ObjectMapper().readTree(out.toString()).get("status").asText()).isEqualTo("normalized");

        out.getBuffer().setLength(0);
        run("locate", "--target", target.toString(), "--reference", reference.toString(),
                "--excerpt", "at least 30 days must be allowed", "--json");
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("in_reference");
        assertThat(json.get("start").asInt()).isEqualTo(PLAYBOOK.indexOf("at least 30 days"));
    }

    @Test
    void notFoundHasMinusOneOffsetsAndAReason() throws Exception {
        int exit = run("locate", "--target", target.toString(), "--excerpt", "governed by the laws of Switzerland", "--json");
        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("status").asText()).isEqualTo("not_found");
        assertThat(json.get("start").asInt()).isEqualTo(-1);
        assertThat(json.get("end").asInt()).isEqualTo(-1);
        assertThat(json.get("reason").asText()).contains("similarity");
    }

    @Test
    void humanOutputQuotesTheFoundText() {
        int exit = run("locate", "--target", target.toString(), "--excerpt", "the breaching party has 21 days");
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("exact match: characters ").contains("«the breaching party has 21 days»");
    }

    @Test
    void missingTargetFileIsExitTwoWithOneLine() {
        Path missing = dir.resolve("nope.txt");
        int exit = run("locate", "--target", missing.toString(), "--excerpt", "anything at all");
        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("juror: --target " + missing + " does not exist; check the path"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingReferenceFileIsExitTwo() {
        int exit = run("locate", "--target", target.toString(), "--reference", dir.resolve("gone.txt").toString(),
                "--excerpt", "anything at all");
        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).startsWith("juror: --reference ").contains("gone.txt does not exist").doesNotContain("\tat ");
    }

    @Test
    void missingExcerptOptionIsExitTwo() {
        int exit = run("locate", "--target", target.toString());
        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("--excerpt");
    }

    @Test
    void badThresholdIsExitTwo() {
        int exit = run("locate", "--target", target.toString(), "--excerpt", "the breaching party", "--threshold", "1.5");
        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).startsWith("juror: --threshold must be in (0, 1]");
    }
}
