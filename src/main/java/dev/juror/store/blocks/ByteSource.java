package dev.juror.store.blocks;

/** Reads what {@link ByteSink} wrote; a column that ends early is a corrupt block (an exception, not a zero). */
final class ByteSource {

    private final byte[] bytes;
    private int position;

    ByteSource(byte[] bytes) {
        this.bytes = bytes;
    }

    private void need(int n) {
        if (position + n > bytes.length) {
            throw new IllegalStateException("a stored reward block ends early (" + bytes.length + " bytes)");
        }
    }

    int readByte() {
        need(1);
        return bytes[position++] & 0xFF;
    }

    long readVarLong() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("a stored reward block holds a varint longer than 10 bytes");
    }

    int readVarInt() {
        return Math.toIntExact(readVarLong());
    }

    long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    long readLong() {
        need(8);
        long v = (long) ByteSink.LONGS.get(bytes, position);
        position += 8;
        return v;
    }

    double readDouble() {
        need(8);
        double v = (double) ByteSink.DOUBLES.get(bytes, position);
        position += 8;
        return v;
    }

    /** Moves past {@code n} bytes and returns where they start. */
    int skip(int n) {
        need(n);
        int at = position;
        position += n;
        return at;
    }

    byte[] array() {
        return bytes;
    }
}
