package dev.juror.judge;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * An SDK HTTP client that never opens a socket: it reads the signed request body and answers every
 * request with the same canned Converse response. The SDK's whole request pipeline (marshalling,
 * endpoint rules, SigV4 signing, interceptors, response parsing) runs as for a real call, which is
 * what {@link BedrockWarmUp} loads ahead of the first real call, and what the client-overhead
 * benchmark measures.
 */
public final class OfflineConverseHttpClient implements SdkHttpClient {

    /**
     * A minimal, valid Converse response whose assistant message is {@code text}: what this client
     * and the reward Lambda's priming stub answer.
     */
    public static byte[] answer(String text) {
        String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(text));
        return ("{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"" + quoted + "\"}]}},"
                + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":1,\"outputTokens\":1,\"totalTokens\":2},"
                + "\"metrics\":{\"latencyMs\":1}}").getBytes(StandardCharsets.UTF_8);
    }

    private final byte[] answer;

    public OfflineConverseHttpClient(byte[] answer) {
        this.answer = answer.clone();
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                Optional<ContentStreamProvider> body = request.contentStreamProvider();
                if (body.isPresent()) {
                    try (InputStream in = body.get().newStream()) {
                        in.transferTo(OutputStream.nullOutputStream());
                    }
                }
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", "application/json").build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {
                // nothing in flight: the answer is already in memory
            }
        };
    }

    @Override
    public String clientName() {
        return "juror-offline";
    }

    @Override
    public void close() {
        // no connections to close
    }
}
