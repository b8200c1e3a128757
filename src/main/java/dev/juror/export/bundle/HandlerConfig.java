package dev.juror.export.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.lambda.LambdaConfig;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The handler's {@code juror-reward.json} read out of the Lambda zip (manifest writing and verification). */
final class HandlerConfig {

    private static final int SMALL_FILE = 16 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private HandlerConfig() {
    }

    /** The configuration, or empty when the zip has none. */
    static Optional<JsonNode> read(InputStream zipBytes) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(zipBytes)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.getName().equals(LambdaConfig.RESOURCE)) {
                    return Optional.of(JSON.readTree(zip.readNBytes(SMALL_FILE)));
                }
            }
        }
        return Optional.empty();
    }
}
