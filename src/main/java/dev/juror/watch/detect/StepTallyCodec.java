package dev.juror.watch.detect;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link StepTally} as the bytes a store keeps per step: a format byte, the step's sums and counts
 * as fixed-width numbers (~90 bytes), then per dimension its name and the distinct values with their
 * counts (12 bytes a distinct value). Bytes of another format read as empty, so the report recomputes
 * that step from its records rather than misreading it.
 */
public final class StepTallyCodec {

    /** Raise when the layout changes: stored tallies of an older layout are then recomputed, not misread. */
    static final byte FORMAT = 1;

    private StepTallyCodec() {
    }

    public static byte[] write(StepTally t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            StepFacts f = t.base();
            out.writeByte(FORMAT);
            out.writeInt(f.step());
            out.writeInt(f.n());
            for (double d : new double[]{f.rewardSum(), f.rewardMin(), f.rewardMax(), f.lengthSum(), f.commentsSum(),
                f.lengthRewardRho()}) {
                out.writeDouble(d);
            }
            for (int i : new int[]{f.fallback(), f.judgeErrors(), f.failed(), f.injection(), f.copied(), f.atMax(),
                f.groups(), f.flatGroups()}) {
                out.writeInt(i);
            }
            out.writeInt(t.dims().size());
            for (var e : t.dims().entrySet()) {
                out.writeUTF(e.getKey());
                StepTally.Values v = e.getValue();
                out.writeInt(v.values().length);
                for (int i = 0; i < v.values().length; i++) {
                    out.writeDouble(v.values()[i]);
                    out.writeInt(Math.toIntExact(v.counts()[i]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The tally, or empty when the bytes are of another format (or cut short): recompute the step then. */
    public static Optional<StepTally> read(byte[] bytes) {
        if (bytes == null || bytes.length == 0 || bytes[0] != FORMAT) {
            return Optional.empty();
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            in.readByte();
            int step = in.readInt();
            int n = in.readInt();
            double[] d = new double[6];
            for (int i = 0; i < d.length; i++) {
                d[i] = in.readDouble();
            }
            int[] c = new int[8];
            for (int i = 0; i < c.length; i++) {
                c[i] = in.readInt();
            }
            int dimCount = in.readInt();
            Map<String, StepTally.Values> dims = new LinkedHashMap<>();
            for (int k = 0; k < dimCount; k++) {
                String name = in.readUTF();
                int distinct = in.readInt();
                double[] values = new double[distinct];
                long[] counts = new long[distinct];
                for (int i = 0; i < distinct; i++) {
                    values[i] = in.readDouble();
                    counts[i] = in.readInt();
                }
                dims.put(name, new StepTally.Values(values, counts));
            }
            StepFacts base = new StepFacts(step, n, d[0], d[1], d[2], d[3], d[4], c[0], c[1], c[2], c[3], c[4], c[5],
                    c[6], c[7], d[5], Map.of());
            return Optional.of(new StepTally(base, dims));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
