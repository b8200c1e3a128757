package dev.juror.judge.testserver;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes that call the loopback {@link ConverseTestServer} through the real Bedrock SDK:
 * the SDK's default credential chain reads these system properties. Dummy values, never real
 * credentials; the test server does not check signatures. Use with
 * {@code @ExtendWith(DummyAwsCredentials.class)}.
 */
public final class DummyAwsCredentials implements BeforeAllCallback, AfterAllCallback {

    public static final String ACCESS_KEY_ID = "AKIDTESTTESTTESTTEST";
    public static final String SECRET_ACCESS_KEY = "test-secret-key-not-real";

    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty("aws.accessKeyId", ACCESS_KEY_ID);
        System.setProperty("aws.secretAccessKey", SECRET_ACCESS_KEY);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }
}
