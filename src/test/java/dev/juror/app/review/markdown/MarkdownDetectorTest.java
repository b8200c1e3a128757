package dev.juror.app.review.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MarkdownDetectorTest {

    @Test
    void theShippedPlaybooksAreMarkdownAndTheContractsAreNot() throws IOException {
        try (var references = Files.list(Path.of("samples/contract-review/references"))) {
            references.filter(p -> p.toString().endsWith(".md")).forEach(p ->
                    assertThat(MarkdownDetector.isMarkdown(read(p))).as(p.toString()).isTrue());
        }
        try (var contracts = Files.list(Path.of("samples/contract-review/contracts"))) {
            contracts.filter(p -> p.toString().endsWith(".txt")).forEach(p ->
                    assertThat(MarkdownDetector.isMarkdown(read(p))).as(p.toString()).isFalse());
        }
    }

    @Test
    void oneHeadingAloneIsNotEnough() {
        assertThat(MarkdownDetector.isMarkdown("# 1 Definitions\nThe Goods means the goods.")).isFalse();
        assertThat(MarkdownDetector.isMarkdown("# Rules\n\n- one\n- two")).isTrue();
        assertThat(MarkdownDetector.isMarkdown("Plain text with **bold** and - a dash")).isFalse();
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
