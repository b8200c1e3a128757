package dev.juror.store.blocks;

/**
 * Number columns of a block as bytes. Longs are stored raw (8 bytes) or as zigzag varint deltas,
 * whichever is smaller (times and import positions rise slowly, record keys are random); ints as
 * zigzag varints (lengths, comments, tokens are small); doubles raw, so every reward and metric
 * comes back bit for bit. Each column starts with its format byte.
 */
public final class Packed {

    private static final int RAW = 0;
    private static final int DELTA = 1;
    private static final int VARINT = 2;

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
            for (int i = 0; i < n; i++) {
                values[i] = in.readLong();
            }
        } else {
            throw unknown("long", format);
        }
        return values;
    }

    public static byte[] ints(int[] values, int n) {
        ByteSink out = new ByteSink(1 + 2 * n);
        out.writeByte(VARINT);
        for (int i = 0; i < n; i++) {
            out.writeSignedVarLong(values[i]);
        }
        return out.toByteArray();
    }

    public static int[] ints(byte[] column, int n) {
        ByteSource in = new ByteSource(column);
        int format = in.readByte();
        if (format != VARINT) {
            throw unknown("int", format);
        }
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = Math.toIntExact(in.readSignedVarLong());
        }
        return values;
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
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
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
