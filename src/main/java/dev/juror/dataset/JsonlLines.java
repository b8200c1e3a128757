package dev.juror.dataset;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines at {@code \n} (a trailing {@code \r} is dropped) without decoding.
 * A line longer than the limit is skipped to its end without being kept, so one giant line cannot
 * exhaust memory; {@link #tooLong()} then reports it. The line buffer is reused between lines.
 */
final class JsonlLines implements Closeable {

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPos;
    private int chunkLen;
    private boolean eof;

    private byte[] line = new byte[1 << 12];
    private int lineLen;
    private long lineBytes;
    private int lineNumber;

    JsonlLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** Advances to the next line; false at the end of the stream. */
    boolean next() throws IOException {
        lineLen = 0;
        lineBytes = 0;
        boolean readAny = false;
        while (true) {
            if (chunkPos == chunkLen) {
                if (!fill()) {
                    if (!readAny) {
                        return false;
                    }
                    return finishLine();
                }
            }
            readAny = true;
            int newline = indexOfNewline(chunkPos, chunkLen);
            int end = newline < 0 ? chunkLen : newline;
            append(chunkPos, end - chunkPos);
            chunkPos = newline < 0 ? chunkLen : newline + 1;
            if (newline >= 0) {
                return finishLine();
            }
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n = in.read(chunk);
        if (n <= 0) {
            eof = true;
            chunkPos = 0;
            chunkLen = 0;
            return false;
        }
        chunkPos = 0;
        chunkLen = n;
        return true;
    }

    private boolean finishLine() {
        lineNumber++;
        boolean keptWhole = lineBytes == lineLen;
        if (keptWhole && lineLen > 0 && line[lineLen - 1] == '\r') {
            lineLen--;
            lineBytes--;
        }
        return true;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int length) {
        lineBytes += length;
        // Allow one extra byte for a '\r' that finishLine() may still drop.
        if (lineBytes > (long) maxLineBytes + 1) {
            return;
        }
        if (lineLen + length > line.length) {
            int wanted = Math.max(line.length * 2, lineLen + length);
            line = Arrays.copyOf(line, (int) Math.min(wanted, (long) maxLineBytes + 1));
        }
        System.arraycopy(chunk, from, line, lineLen, length);
        lineLen += length;
    }

    boolean tooLong() {
        return lineBytes > maxLineBytes;
    }

    /** Bytes of the current line (valid up to {@link #length()}); reused by the next call. */
    byte[] bytes() {
        return line;
    }

    int length() {
        return lineLen;
    }

    /** Size of the current line in bytes, even when it was too long to keep. */
    long byteCount() {
        return lineBytes;
    }

    int lineNumber() {
        return lineNumber;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
