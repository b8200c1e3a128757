package dev.juror.export;

import dev.juror.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the budget's prices come from: {@code --prices FILE}, else the workspace's {@code prices.yaml},
 * written from the shipped example table the first time it is needed so the user has a file to edit.
 * Without a workspace folder nothing is written and the shipped table is read from the class path.
 */
public final class PriceTables {

    public static final String FILE_NAME = "prices.yaml";
    static final String DEFAULT_RESOURCE = "default-prices.yaml";
    static final String SHIPPED_SOURCE = "the shipped example price table (no workspace; juror writes it to "
            + "<workspace>/" + FILE_NAME + " when the workspace exists)";

    private PriceTables() {
    }

    /** The table and whether this call wrote the workspace's file. */
    public record Loaded(PriceTable table, boolean created) {
    }

    /** {@code --prices FILE}: read as given, never created. */
    public static Loaded fromFile(Path file) {
        return new Loaded(new PriceTableReader().read(file), false);
    }

    /** The workspace's {@code prices.yaml}, created from the shipped table when absent. */
    public static Loaded forWorkspace(Path workspaceDir) {
        if (workspaceDir == null || !Files.isDirectory(workspaceDir)) {
            return new Loaded(new PriceTableReader().parse(shippedText(), SHIPPED_SOURCE), false);
        }
        Path file = workspaceDir.resolve(FILE_NAME);
        boolean created = false;
        if (!Files.exists(file)) {
            try {
                AtomicFiles.write(file, shippedText());
                created = true;
            } catch (IOException e) {
                throw new PriceTableException(file + ": cannot write the price table: " + e.getMessage()
                        + "; fix: make the workspace folder writable, or pass --prices FILE", e);
            }
        }
        return new Loaded(new PriceTableReader().read(file), created);
    }

    /** The shipped example table's text. */
    public static String shippedText() {
        try (InputStream in = PriceTables.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + DEFAULT_RESOURCE + " next to PriceTables");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
