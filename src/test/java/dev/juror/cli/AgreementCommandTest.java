package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreementCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliRunner.execute(new JurorCli(), new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path krippendorff2011() throws IOException {
        Path target = dir.resolve("krippendorff-2011.csv");
        try (InputStream in = getClass().getResourceAsStream("/calibration/krippendorff-2011.csv")) {
            Files.copy(in, target);
        }
        return target;
    }

    private Path csv(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void fourRatersWithMissingDataGiveThePublishedAlphas() throws Exception {
        int code = run("agreement", krippendorff2011().toString(), "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("n_items").asInt()).isEqualTo(12);
        assertThat(json.get("raters")).hasSize(4);
        assertThat(json.get("alpha_nominal").asDouble()).isCloseTo(0.743421, within(5e-7));
        assertThat(json.get("alpha_ordinal").asDouble()).isCloseTo(0.815388, within(5e-7));
        assertThat(json.get("alpha_interval").asDouble()).isCloseTo(0.849107, within(5e-7));
        assertThat(json.get("alpha").asDouble()).isEqualTo(json.get("alpha_ordinal").asDouble());
        assertThat(json.get("fleiss_kappa").isNumber()).isTrue();
        assertThat(json.has("kappa")).isFalse(); // two-rater statistics only for exactly two raters
        assertThat(json.at("/scale/source").asText()).startsWith("inferred from the data");
        assertThat(json.at("/scale/min").asInt()).isEqualTo(1);
        assertThat(json.at("/scale/max").asInt()).isEqualTo(5);
    }

    @Test
    void twoRatersWithBootstrap() throws Exception {
        // TV-06 (scikit-learn): y1 = 46x0, 44x1, 10x2 ; y2 = 50x0, 40x1, 10x2 ; plus one item only y1 scored
        StringBuilder b = new StringBuilder("item,rater,score\n");
        for (int i = 0; i < 100; i++) {
            int y1 = i < 46 ? 0 : i < 90 ? 1 : 2;
            int y2 = i < 50 ? 0 : i < 90 ? 1 : 2;
            b.append("i").append(i).append(",y1,").append(y1).append('\n');
            b.append("i").append(i).append(",\"y2\",").append(y2).append('\n');
        }
        b.append("extra,y1,1\nextra,y2,\n");
        int code = run("agreement", csv("two.csv", b.toString()).toString(), "--scale", "0..2", "--bootstrap", "300",
                "--seed", "7", "--json");
        assertThat(code).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("n_items").asInt()).isEqualTo(101);
        assertThat(json.get("n_pairs").asInt()).isEqualTo(100);
        assertThat(json.get("kappa").asDouble()).isCloseTo(0.931507, within(5e-7));
        assertThat(json.get("kappa_linear").asDouble()).isCloseTo(0.941176, within(5e-7));
        assertThat(json.get("kappa_quadratic").asDouble()).isCloseTo(0.954128, within(5e-7));
        // mean(y1) = (44 + 2*10)/100 = 0.64, mean(y2) = (40 + 2*10)/100 = 0.60: bias y1 - y2 = +0.04
        assertThat(json.get("bias").asDouble()).isCloseTo(0.04, within(1e-12));
        assertThat(json.get("bias_direction").asText()).isEqualTo("y1 minus y2");
        JsonNode ci = json.at("/ci/kappa_quadratic/bca");
        assertThat(ci.get("method").asText()).isEqualTo("bca");
        assertThat(ci.get("level").asDouble()).isEqualTo(0.95);
        assertThat(ci.get("resamples").asInt()).isEqualTo(300);
        assertThat(ci.get("low").asDouble()).isLessThanOrEqualTo(json.get("kappa_quadratic").asDouble());
        assertThat(ci.get("high").asDouble()).isGreaterThanOrEqualTo(json.get("kappa_quadratic").asDouble());
        assertThat(json.at("/ci/alpha_ordinal/percentile/method").asText()).isEqualTo("percentile");
        assertThat(json.at("/bootstrap/seed").asLong()).isEqualTo(7);
        assertThat(json.at("/scale/source").asText()).startsWith("declared");

        // same seed, same output
        String first = out.toString();
        out.getBuffer().setLength(0);
        run("agreement", dir.resolve("two.csv").toString(), "--scale", "0..2", "--bootstrap", "300", "--seed", "7", "--json");
        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void biasIsFirstRaterMinusSecond() throws Exception {
        Path file = csv("bias.csv", "item,rater,score\na,judge,5\na,human,3\nb,judge,4\nb,human,4\nc,judge,2\nc,human,1\n");
        assertThat(run("agreement", file.toString(), "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("bias").asDouble()).isCloseTo(1.0, within(1e-12)); // (2 + 0 + 1) / 3
        assertThat(json.get("mae").asDouble()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void degenerateStatisticsAreReportedAsUndefinedWithAReason() throws Exception {
        Path file = csv("same.csv", "item,rater,score\na,x,3\na,y,3\nb,x,3\nb,y,3\n");
        assertThat(run("agreement", file.toString(), "--scale", "1..5", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.at("/kappa/undefined").asText()).contains("same category");
        assertThat(json.at("/alpha_nominal/undefined").asText()).contains("equal");
        assertThat(json.get("exact").asDouble()).isEqualTo(1.0);
    }

    @Test
    void tableOutputWithoutJson() throws Exception {
        assertThat(run("agreement", krippendorff2011().toString(), "--bootstrap", "200")).isZero();
        assertThat(out.toString()).contains("alpha_ordinal").contains("0.8154").contains("BCa");
    }

    @Test
    void badCsvExitsWithTwoNamingFileLineAndFix() throws Exception {
        assertBad(csv("h.csv", "id,who,value\n1,a,2\n"), "h.csv:1", "item,rater,score");
        assertBad(csv("s.csv", "item,rater,score\n1,a,2\n1,b,two\n"), "s.csv:3", "not a whole number");
        assertBad(csv("d.csv", "item,rater,score\n1,a,2\n1,b,3\n1,a,4\n"), "d.csv:4", "line 2");
        assertBad(csv("f.csv", "item,rater,score\n1,a,2,9\n"), "f.csv:2", "expected 3 fields");
        assertBad(csv("q.csv", "item,rater,score\n\"1,a,2\n"), "q.csv:2", "not closed");
        assertBad(csv("o.csv", "item,rater,score\n1,a,2\n1,b,7\n"), "o.csv:3", "outside the scale 1..5", "--scale", "1..5");
        assertBad(csv("one.csv", "item,rater,score\n1,a,2\n2,a,3\n"), "one.csv", "at least two raters");
        assertBad(csv("e.csv", ""), "e.csv", "empty");
        assertBad(dir.resolve("absent.csv"), "absent.csv", "does not exist");
        assertBad(csv("ok.csv", "item,rater,score\n1,a,2\n1,b,3\n"), "--scale", "MIN..MAX", "--scale", "five");
        assertBad(csv("ok2.csv", "item,rater,score\n1,a,2\n1,b,3\n"), "--level", "nominal, ordinal", "--level", "fuzzy");
    }

    private void assertBad(Path file, String where, String what, String... extra) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] args = new String[2 + extra.length];
        args[0] = "agreement";
        args[1] = file.toString();
        System.arraycopy(extra, 0, args, 2, extra.length);
        assertThat(run(args)).as(err.toString()).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains(where).contains(what);
        assertThat(err.toString().strip().lines().count()).isEqualTo(1);
        assertThat(err.toString()).doesNotContain("Exception");
    }

    @Test
    @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void twoBillionBootstrapResamplesAreRefusedBeforeAnyWork() throws Exception {
        // Issue #18 §6: --bootstrap 2000000000 allocated one double per resample and exhausted memory.
        Path csv = krippendorff2011();
        int code = run("agreement", csv.toString(), "--bootstrap", "2000000000");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("juror: --bootstrap must be between 1 and 100,000 resamples (2,000 is"
                + " plenty for a 95 % interval), got 2000000000" + System.lineSeparator());
        assertThat(run("agreement", csv.toString(), "--bootstrap", "100000", "--json")).isZero();
    }
}
