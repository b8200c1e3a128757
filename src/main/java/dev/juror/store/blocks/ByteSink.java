package dev.juror.store.blocks;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/** A growable byte array that packed columns are written into: raw little-endian numbers and varints. */
final class ByteSink {

    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final VarHandle DOUBLES = MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

    private byte[] bytes;
    private int size;

    ByteSink(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    private void room(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    void writeByte(int b) {
        room(1);
        bytes[size++] = (byte) b;
    }

    /** Unsigned LEB128: 7 bits a byte, the high bit set on every byte but the last. */
    void writeVarLong(long value) {
        room(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            bytes[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        bytes[size++] = (byte) v;
    }

    /** Small negative numbers small too (zigzag). */
    void writeSignedVarLong(long value) {
        writeVarLong((value << 1) ^ (value >> 63));
    }

    void writeLong(long value) {
        room(8);
        LONGS.set(bytes, size, value);
        size += 8;
    }

    void writeDouble(double value) {
        room(8);
        DOUBLES.set(bytes, size, value);
        size += 8;
    }

    void writeBytes(byte[] value, int offset, int length) {
        room(length);
        System.arraycopy(value, offset, bytes, size, length);
        size += length;
    }

    int size() {
        return size;
    }

    /** The bytes written (the buffer itself when it was sized exactly). */
    byte[] toByteArray() {
        return size == bytes.length ? bytes : Arrays.copyOf(bytes, size);
    }
}
