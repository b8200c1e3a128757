package dev.juror.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.juror.testing.SpecialFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #18, section 1: every file argument of every command follows the same rules — regular files only
 * (no hang on a FIFO, no endless read of /dev/zero), bounded reads (a 3 GB sparse file is refused before
 * it is read), exit 2 with one sentence naming the option and the file.
 */
class FileArgumentsTest {

    private static final Path RUBRIC = Path.of("rubrics/contract-review.yaml");
    private static final Duration QUICK = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int juror(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return CliRunner.execute(new JurorCli(), new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    /** Each command with one file argument replaced by {@code bad}; the other arguments are valid files. */
    private List<String[]> commandsWith(Path bad) throws Exception {
        Path text = Files.writeString(temp.resolve("ok.txt"), "7.2 The term is ten years.");
        Path prediction = Files.writeString(temp.resolve("prediction.json"), "[]");
        Path csv = Files.writeString(temp.resolve("ok.csv"), "item,rater,score\n1,a,2\n1,b,3\n");
        Path event = Files.writeString(temp.resolve("event.json"), "[]");
        Path zip = Files.write(temp.resolve("reward-lambda.zip"), new byte[] {'P', 'K', 5, 6});
        String b = bad.toString();
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"locate", "--target", b, "--excerpt", "term"});
        commands.add(new String[] {"locate", "--target", text.toString(), "--reference", b, "--excerpt", "term"});
        commands.add(new String[] {"reward", "check", "--rubric", RUBRIC.toString(), "--prediction", b});
        commands.add(new String[] {"reward", "check", "--rubric", RUBRIC.toString(), "--prediction", prediction.toString(),
                "--target", b});
        commands.add(new String[] {"reward", "check", "--rubric", b, "--prediction", prediction.toString()});
        commands.add(new String[] {"rubric", "check", b});
        commands.add(new String[] {"rubric", "render", RUBRIC.toString(), "--target", b});
        commands.add(new String[] {"agreement", b});
        commands.add(new String[] {"lambda", "invoke", "--package", zip.toString(), "--event", b});
        commands.add(new String[] {"lambda", "invoke", "--package", b, "--event", event.toString()});
        commands.add(new String[] {"budget", "--rubric", RUBRIC.toString(), "--prices", b, "--workspace",
                temp.resolve("ws").toString()});
        commands.add(new String[] {"import", b, "--workspace", temp.resolve("ws").toString()});
        commands.add(new String[] {"labels", "import", b, "--rubric", RUBRIC.toString(), "--workspace",
                temp.resolve("ws").toString()});
        commands.add(new String[] {"export", "training-data", "--samples", b, "--out", temp.resolve("t.jsonl").toString()});
        assertThat(juror("agreement", csv.toString())).as(err.toString()).isZero();
        return commands;
    }

    private void eachRefusedInOneSentence(Path bad, Function<String, Boolean> reasonOk) throws Exception {
        for (String[] command : commandsWith(bad)) {
            int exit = assertTimeoutPreemptively(QUICK, () -> juror(command), () -> String.join(" ", command) + " hung");
            String said = err.toString().strip();
            assertThat(exit).as(String.join(" ", command) + " -> " + said).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(said).as(String.join(" ", command)).startsWith("juror: ").doesNotContain("\n")
                    .doesNotContain("Exception").contains(bad.toString());
            assertThat(reasonOk.apply(said)).as(String.join(" ", command) + " -> " + said).isTrue();
        }
    }

    @Test
    void aFifoIsRefusedByEveryCommandWithoutHanging() throws Exception {
        Path fifo = SpecialFiles.fifo(temp.resolve("pipe"));
        eachRefusedInOneSentence(fifo, said -> said.contains("is not a regular file"));
    }

    @Test
    void devZeroIsRefusedByEveryCommand() throws Exception {
        Path zero = SpecialFiles.devZero();
        eachRefusedInOneSentence(zero, said -> said.contains("is not a regular file"));
    }

    @Test
    void aThreeGigabyteSparseFileIsRefusedByEveryCommandBeforeItIsRead() throws Exception {
        Path big = SpecialFiles.sparse(temp.resolve("big.txt"), 3L * 1024 * 1024 * 1024);
        // import (and --samples) stream a JSONL file line by line with a cap per line, not per file.
        for (String[] command : commandsWith(big)) {
            if (command[0].equals("import") || command[0].equals("export")) {
                continue;
            }
            int exit = assertTimeoutPreemptively(QUICK, () -> juror(command));
            assertThat(exit).as(String.join(" ", command) + " -> " + err).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(err.toString().strip()).contains("is 3.0 GB, above the limit of").doesNotContain("\n");
        }
    }

    @Test
    void aFolderIsRefusedByEveryCommand() throws Exception {
        Path folder = Files.createDirectories(temp.resolve("folder"));
        for (String[] command : commandsWith(folder)) {
            assertThat(juror(command)).as(String.join(" ", command) + " -> " + err).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(err.toString().strip()).doesNotContain("\n").doesNotContain("Exception");
        }
    }

    // ---- import: document paths ------------------------------------------------------------------

    private Path jsonlWithDocument(Path folder, String path) throws Exception {
        Files.createDirectories(folder);
        return Files.writeString(folder.resolve("in.jsonl"),
                "{\"id\":\"s1\",\"target_document\":\"inline\"}\n{\"id\":\"s2\",\"target_document\":{\"path\":\"" + path
                        + "\"}}\n");
    }

    @Test
    void importRefusesAnAbsoluteDocumentPathOutsideTheFolderWithExit2NamingTheLine() throws Exception {
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ), "no /proc here");
        Path jsonl = jsonlWithDocument(temp.resolve("data"), environ.toString());
        Path ws = temp.resolve("ws");

        int exit = juror("import", jsonl.toString(), "--workspace", ws.toString());

        assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("line 2").contains("target_document.path \"/proc/self/environ\" is outside"
                + " the folder of the JSONL file");
        assertThat(juror("stats", "--workspace", ws.toString(), "--json")).isZero();
        assertThat(out.toString()).containsPattern("\"samples\"\\s*:\\s*0,");
    }

    @Test
    void importReadsDocumentsFromAFolderNamedWithDocumentsRoot() throws Exception {
        Path shared = Files.createDirectories(temp.resolve("shared"));
        Path contract = Files.writeString(shared.resolve("c.txt"), "Clause 9. Governing law.");
        Path jsonl = jsonlWithDocument(temp.resolve("data"), contract.toString());
        Path ws = temp.resolve("ws");

        assertThat(juror("import", jsonl.toString(), "--workspace", ws.toString())).isEqualTo(CliRunner.BAD_INPUT);
        int exit = juror("import", jsonl.toString(), "--workspace", ws.toString(), "--documents-root", shared.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("2 samples");
    }

    @Test
    void importHonoursMaxDocumentMbAndChecksItsOptions() throws Exception {
        Path data = temp.resolve("data");
        Path jsonl = jsonlWithDocument(data, "big.txt");
        SpecialFiles.sparse(data.resolve("big.txt"), 2L * 1024 * 1024);
        Path ws = temp.resolve("ws");

        assertThat(juror("import", jsonl.toString(), "--workspace", ws.toString(), "--max-document-mb", "1"))
                .isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString()).contains("is 2.0 MB, above the limit of 1.0 MB");
        assertThat(juror("import", jsonl.toString(), "--workspace", ws.toString(), "--max-document-mb", "0"))
                .isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("juror: --max-document-mb must be at least 1, was 0");
        assertThat(juror("import", jsonl.toString(), "--workspace", ws.toString(), "--documents-root",
                temp.resolve("nope").toString())).isEqualTo(CliRunner.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("juror: --documents-root " + temp.resolve("nope")
                + " is not a folder; name an existing folder");
    }

    // ---- read-only workspace ------------------------------------------------------------------------

    @Test
    void aReadOnlyWorkspaceDatabaseIsOneSentenceNotAStackTrace() throws Exception {
        Path ws = temp.resolve("ws");
        Path jsonl = jsonlWithDocument(temp.resolve("data"), "missing.txt");
        Files.writeString(jsonl, "{\"id\":\"s1\",\"target_document\":\"inline\"}\n");
        assertThat(juror("import", jsonl.toString(), "--workspace", ws.toString())).isZero();
        Path db = ws.resolve("juror.mv.db");
        try {
            SpecialFiles.readOnly(db);
            Files.writeString(jsonl, "{\"id\":\"s2\",\"target_document\":\"inline\"}\n");

            int exit = juror("import", jsonl.toString(), "--workspace", ws.toString());

            assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(err.toString().strip()).isEqualTo("juror: Workspace database " + db.toAbsolutePath()
                    + " is read-only; make the file writable, or copy the workspace to a folder you may write and open"
                    + " that (--workspace DIR).");
        } finally {
            SpecialFiles.writable(db);
        }
    }

    @Test
    void aReportFolderThatCannotBeWrittenIsOneSentenceAndNothingIsImported() throws Exception {
        Path ws = temp.resolve("ws");
        Path folder = Files.createDirectories(temp.resolve("reports"));
        Path jsonl = Files.writeString(temp.resolve("in.jsonl"),
                "{\"id\":\"s1\",\"target_document\":\"inline\"}\n{\"id\":\"s2\"}\n");
        try {
            SpecialFiles.readOnly(folder);
            int exit = juror("import", jsonl.toString(), "--workspace", ws.toString(), "--skip-invalid", "--report",
                    folder.resolve("r.txt").toString());
            assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(err.toString().strip()).startsWith("juror: nothing was imported: the report of skipped lines could"
                    + " not be written (").endsWith("); give --report a file in a folder you may write")
                    .doesNotContain("\n");
        } finally {
            SpecialFiles.writable(folder);
        }
        assertThat(juror("stats", "--workspace", ws.toString(), "--json")).isZero();
        assertThat(out.toString()).containsPattern("\"samples\"\\s*:\\s*0,");
    }

    @Test
    void aReadOnlyWorkspaceFolderIsOneSentence() throws Exception {
        Path ws = Files.createDirectories(temp.resolve("ws"));
        Path jsonl = Files.writeString(temp.resolve("in.jsonl"), "{\"id\":\"s1\",\"target_document\":\"inline\"}\n");
        try {
            SpecialFiles.readOnly(ws);
            int exit = juror("import", jsonl.toString(), "--workspace", ws.toString());
            assertThat(exit).isEqualTo(CliRunner.BAD_INPUT);
            assertThat(err.toString().strip()).startsWith("juror: Workspace folder " + ws.toAbsolutePath()
                    + " cannot be created or written").doesNotContain("\n");
        } finally {
            SpecialFiles.writable(ws);
        }
    }
}
