package dev.juror.testing.batch;

import java.util.Random;

/** Job ids as Bedrock shapes them: 12 lower-case letters and digits, random so two stubs' jobs never share one. */
final class JobIds {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private final Random random = new Random(System.nanoTime());

    synchronized String next() {
        StringBuilder id = new StringBuilder(12);
        for (int i = 0; i < 12; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
