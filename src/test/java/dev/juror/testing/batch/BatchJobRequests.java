package dev.juror.testing.batch;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** What CreateModelInvocationJob checks before it starts a job: required members, the input's files and size. */
final class BatchJobRequests {

    private BatchJobRequests() {
    }

    static void validate(ObjectNode request) {
        for (String pointer : List.of("/jobName", "/roleArn", "/modelId", "/inputDataConfig/s3InputDataConfig/s3Uri",
                "/outputDataConfig/s3OutputDataConfig/s3Uri")) {
            if (request.at(pointer).asText("").isBlank()) {
                throw new BedrockError(400, "ValidationException", "1 validation error detected: Value null at '"
                        + pointer.substring(1).replace('/', '.') + "' failed to satisfy constraint: Member must not be null");
            }
        }
        String type = request.path("modelInvocationType").asText("InvokeModel");
        if (!type.equals("Converse")) {
            throw new BedrockError(400, "ValidationException", "modelInvocationType is " + type
                    + " (absent means InvokeModel); the loopback stub runs Converse records only");
        }
        for (String pointer : List.of("/inputDataConfig/s3InputDataConfig/s3Uri", "/outputDataConfig/s3OutputDataConfig/s3Uri")) {
            if (!request.at(pointer).asText().startsWith("s3://")) {
                throw new BedrockError(400, "ValidationException", pointer.substring(1).replace('/', '.')
                        + " is not an s3:// URI: " + request.at(pointer).asText());
            }
        }
    }

    /** The input URI's object, or the {@code .jsonl} objects under it as a prefix, in key order. */
    static List<S3Address> inputFiles(LoopbackS3 s3, S3Address input) {
        if (!input.key().isEmpty() && s3.exists(input.bucket(), input.key())) {
            return List.of(input);
        }
        List<S3Address> files = s3.keys(input.bucket(), input.folder()).stream().filter(k -> k.endsWith(".jsonl"))
                .map(k -> new S3Address(input.bucket(), k)).toList();
        if (files.isEmpty()) {
            throw new BedrockError(400, "ValidationException", "No .jsonl input found at " + input);
        }
        return files;
    }

    /** Lines of the input files that hold more than white space (bytes, not characters: JSON is ASCII-framed). */
    static int countRecords(LoopbackS3 s3, List<S3Address> files) throws IOException {
        int records = 0;
        byte[] buffer = new byte[256 * 1024];
        for (S3Address file : files) {
            try (InputStream in = s3.open(file.bucket(), file.key())) {
                boolean content = false;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    for (int i = 0; i < n; i++) {
                        byte b = buffer[i];
                        if (b == '\n') {
                            records += content ? 1 : 0;
                            content = false;
                        } else if (b != ' ' && b != '\t' && b != '\r') {
                            content = true;
                        }
                    }
                }
                records += content ? 1 : 0;
            }
        }
        return records;
    }
}
