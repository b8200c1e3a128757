package dev.juror.store.blocks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A column of strings (nulls allowed) as bytes, in the smallest of four formats, chosen per block:
 * <ul>
 *   <li>{@code HEX}: every value lowercase hex of one even length (SHA-256 hashes): packed to half;</li>
 *   <li>{@code DICT}: few distinct values (prompt hashes of a group, rubric versions, checks): each
 *       value once, then an index per record; read back as shared instances;</li>
 *   <li>{@code NUMBERED}: a few prefixes followed by a number ({@code rewards.jsonl:12}): prefix index
 *       and number per record;</li>
 *   <li>{@code PLAIN}: length-prefixed UTF-8.</li>
 * </ul>
 * In DICT and PLAIN, index or length 0 is null.
 */
public final class TextColumn {

    private static final int PLAIN = 0;
    private static final int DICT = 1;
    private static final int HEX = 2;
    private static final int NUMBERED = 3;
    private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.ISO_8859_1);

    private TextColumn() {
    }

    public static byte[] encode(String[] values, int n) {
        int width = hexWidth(values, n);
        if (width > 0) {
            return hex(values, n, width);
        }
        Map<String, Integer> distinct = new HashMap<>();
        for (int i = 0; i < n && distinct.size() * 2 <= n; i++) {
            if (values[i] != null) {
                distinct.putIfAbsent(values[i], distinct.size());
            }
        }
        if (distinct.size() * 2 <= n) {
            return dictionary(values, n, distinct);
        }
        byte[] numbered = numbered(values, n);
        return numbered != null ? numbered : plain(values, n);
    }

    public static String[] decode(byte[] column, int n) {
        ByteSource in = new ByteSource(column);
        int format = in.readByte();
        String[] values = new String[n];
        switch (format) {
            case PLAIN -> {
                for (int i = 0; i < n; i++) {
                    values[i] = readNullable(in);
                }
            }
            case DICT -> {
                String[] dictionary = new String[in.readVarInt()];
                for (int d = 0; d < dictionary.length; d++) {
                    dictionary[d] = readNullable(in);
                }
                for (int i = 0; i < n; i++) {
                    int index = in.readVarInt();
                    values[i] = index == 0 ? null : dictionary[index - 1];
                }
            }
            case HEX -> {
                int width = in.readVarInt();
                byte[] bytes = in.array();
                byte[] text = new byte[2 * width];
                for (int i = 0; i < n; i++) {
                    int at = in.skip(width);
                    for (int b = 0; b < width; b++) {
                        text[2 * b] = HEX_DIGITS[(bytes[at + b] >> 4) & 0xF];
                        text[2 * b + 1] = HEX_DIGITS[bytes[at + b] & 0xF];
                    }
                    values[i] = new String(text, StandardCharsets.ISO_8859_1);
                }
            }
            case NUMBERED -> {
                String[] prefixes = new String[in.readVarInt()];
                for (int d = 0; d < prefixes.length; d++) {
                    prefixes[d] = readNullable(in);
                }
                for (int i = 0; i < n; i++) {
                    values[i] = prefixes[in.readVarInt()] + in.readVarLong();
                }
            }
            default -> throw Packed.unknown("text", format);
        }
        return values;
    }

    private static String readNullable(ByteSource in) {
        int length = in.readVarInt();
        if (length == 0) {
            return null;
        }
        int at = in.skip(length - 1);
        return new String(in.array(), at, length - 1, StandardCharsets.UTF_8);
    }

    private static void writeNullable(ByteSink out, String value) {
        if (value == null) {
            out.writeVarLong(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeVarLong(utf8.length + 1L);
        out.writeBytes(utf8, 0, utf8.length);
    }

    private static byte[] plain(String[] values, int n) {
        ByteSink out = new ByteSink(16 * n);
        out.writeByte(PLAIN);
        for (int i = 0; i < n; i++) {
            writeNullable(out, values[i]);
        }
        return out.toByteArray();
    }

    private static byte[] dictionary(String[] values, int n, Map<String, Integer> distinct) {
        ByteSink out = new ByteSink(2 * n + 64);
        out.writeByte(DICT);
        String[] dictionary = new String[distinct.size()];
        distinct.forEach((value, index) -> dictionary[index] = value);
        out.writeVarLong(dictionary.length);
        for (String value : dictionary) {
            writeNullable(out, value);
        }
        for (int i = 0; i < n; i++) {
            out.writeVarLong(values[i] == null ? 0 : distinct.get(values[i]) + 1L);
        }
        return out.toByteArray();
    }

    /** The width in bytes when every value is lowercase hex of one even length, else 0. */
    private static int hexWidth(String[] values, int n) {
        if (n == 0 || values[0] == null || values[0].isEmpty() || values[0].length() % 2 != 0) {
            return 0;
        }
        int length = values[0].length();
        for (int i = 0; i < n; i++) {
            String v = values[i];
            if (v == null || v.length() != length) {
                return 0;
            }
            for (int c = 0; c < length; c++) {
                if (nibble(v.charAt(c)) < 0) {
                    return 0;
                }
            }
        }
        return length / 2;
    }

    private static int varIntSize(int v) {
        return v < 128 ? 1 : v < 16_384 ? 2 : 5;
    }

    private static int nibble(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static byte[] hex(String[] values, int n, int width) {
        ByteSink out = new ByteSink(width * n + 1 + varIntSize(width));
        out.writeByte(HEX);
        out.writeVarLong(width);
        byte[] packed = new byte[width];
        for (int i = 0; i < n; i++) {
            for (int b = 0; b < width; b++) {
                packed[b] = (byte) (nibble(values[i].charAt(2 * b)) << 4 | nibble(values[i].charAt(2 * b + 1)));
            }
            out.writeBytes(packed, 0, width);
        }
        return out.toByteArray();
    }

    /** Prefix + number (no leading zero, at most 18 digits) for every value, with few prefixes; else null. */
    private static byte[] numbered(String[] values, int n) {
        Map<String, Integer> prefixes = new HashMap<>();
        List<String> order = new ArrayList<>();
        int[] prefixOf = new int[n];
        long[] numbers = new long[n];
        for (int i = 0; i < n; i++) {
            String v = values[i];
            if (v == null) {
                return null;
            }
            int start = v.length();
            while (start > 0 && Character.isDigit(v.charAt(start - 1)) && v.charAt(start - 1) < 128) {
                start--;
            }
            int digits = v.length() - start;
            if (digits == 0 || digits > 18 || digits > 1 && v.charAt(start) == '0') {
                return null;
            }
            String prefix = v.substring(0, start);
            Integer index = prefixes.get(prefix);
            if (index == null) {
                if (order.size() * 2 > n) {
                    return null;
                }
                index = order.size();
                prefixes.put(prefix, index);
                order.add(prefix);
            }
            prefixOf[i] = index;
            numbers[i] = Long.parseLong(v, start, v.length(), 10);
        }
        ByteSink out = new ByteSink(4 * n + 64);
        out.writeByte(NUMBERED);
        out.writeVarLong(order.size());
        for (String prefix : order) {
            writeNullable(out, prefix);
        }
        for (int i = 0; i < n; i++) {
            out.writeVarLong(prefixOf[i]);
            out.writeVarLong(numbers[i]);
        }
        return out.toByteArray();
    }
}
