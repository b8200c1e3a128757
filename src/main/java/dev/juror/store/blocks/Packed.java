package dev.juror.store.blocks;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Number columns of a block as bytes. Longs are stored raw (8 bytes) or as zigzag varint deltas,
 * whichever is smaller (times and import positions rise slowly, record keys are random); ints and
 * doubles raw (every reward and metric comes back bit for bit), read by bulk copies. Each column
 * starts with its format byte.
 */
public final class Packed {

    private static final int RAW = 0;
    private static final int DELTA = 1;
    private static final int VARINT = 2;
    private static final int RAW_INT = 3;

    private Packed() {
    }

    public static byte[] longs(long[] values, int n) {
        int deltaSize = 0;
        long previous = 0;
        for (int i = 0; i < n; i++) {
            deltaSize += varLongSize(zigzag(values[i] - previous));
            previous = values[i];
        }
        ByteSink out = new ByteSink(1 + Math.min(deltaSize, 8 * n));
        if (deltaSize < 8 * n) {
            out.writeByte(DELTA);
            previous = 0;
            for (int i = 0; i < n; i++) {
                out.writeSignedVarLong(values[i] - previous);
                previous = values[i];
            }
        } else {
            out.writeByte(RAW);
            for (int i = 0; i < n; i++) {
                out.writeLong(values[i]);
            }
        }
        return out.toByteArray();
    }

    public static long[] longs(byte[] column, int n) {
        ByteSource in = new ByteSource(column);
        long[] values = new long[n];
        int format = in.readByte();
        if (format == DELTA) {
            long previous = 0;
            for (int i = 0; i < n; i++) {
                previous += in.readSignedVarLong();
                values[i] = previous;
            }
        } else if (format == RAW) {
            bulk(column, 8 * n).asLongBuffer().get(values);
        } else {
            throw unknown("long", format);
        }
        return values;
    }

    /** Raw: H2 compresses its pages anyway, and a bulk copy is fast even before the JIT has compiled anything. */
    public static byte[] ints(int[] values, int n) {
        byte[] column = new byte[1 + 4 * n];
        column[0] = RAW_INT;
        ByteBuffer.wrap(column, 1, 4 * n).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(values, 0, n);
        return column;
    }

    public static int[] ints(byte[] column, int n) {
        int format = column.length == 0 ? -1 : column[0];
        int[] values = new int[n];
        if (format == RAW_INT) {
            bulk(column, 4 * n).asIntBuffer().get(values);
        } else if (format == VARINT) {
            ByteSource in = new ByteSource(column);
            in.readByte();
            for (int i = 0; i < n; i++) {
                values[i] = Math.toIntExact(in.readSignedVarLong());
            }
        } else {
            throw unknown("int", format);
        }
        return values;
    }

    /** The {@code length} bytes after a column's format byte, little-endian; a shorter column is corrupt. */
    private static ByteBuffer bulk(byte[] column, int length) {
        if (column.length != 1 + length) {
            throw new IllegalStateException("a stored reward block ends early (" + column.length + " bytes, "
                    + (1 + length) + " expected)");
        }
        return ByteBuffer.wrap(column, 1, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    public static byte[] doubles(double[] values, int n) {
        ByteSink out = new ByteSink(1 + 8 * n);
        out.writeByte(RAW);
        for (int i = 0; i < n; i++) {
            out.writeDouble(values[i]);
        }
        return out.toByteArray();
    }

    public static double[] doubles(byte[] column, int n) {
        ByteSource in = new ByteSource(column);
        int format = in.readByte();
        if (format != RAW) {
            throw unknown("double", format);
        }
        double[] values = new double[n];
        bulk(column, 8 * n).asDoubleBuffer().get(values);
        return values;
    }

    public static byte[] flagColumn(byte[] values, int n) {
        byte[] column = new byte[n + 1];
        column[0] = RAW;
        System.arraycopy(values, 0, column, 1, n);
        return column;
    }

    public static byte[] flags(byte[] column, int n) {
        if (column.length != n + 1 || column[0] != RAW) {
            throw new IllegalStateException("a stored reward block's flags do not match its " + n + " records");
        }
        byte[] values = new byte[n];
        System.arraycopy(column, 1, values, 0, n);
        return values;
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static int varLongSize(long v) {
        int bits = 64 - Long.numberOfLeadingZeros(v | 1);
        return (bits + 6) / 7;
    }

    static IllegalStateException unknown(String kind, int format) {
        return new IllegalStateException("a stored reward block has a " + kind + " column of unknown format " + format);
    }
}
