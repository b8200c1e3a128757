package dev.juror.cli;

import dev.juror.calibration.stats.RatingMatrix;
import dev.juror.calibration.stats.ScoreRange;
import dev.juror.io.InputFileException;
import dev.juror.io.InputFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a long-format ratings CSV: header {@code item,rater,score}, one row per item and rater,
 * a blank score meaning missing. Quoted fields ("a, b" with "" for a quote) are supported within
 * one line. Items and raters keep their order of first appearance. Every problem is reported with
 * the file, the line and what to fix.
 */
final class RatingsCsv {

    /** Ratings in matrix form with the names behind rows and columns. */
    record Ratings(List<String> items, List<String> raters, RatingMatrix matrix, int minScore, int maxScore,
            boolean anyScore) {
    }

    /** 64 MB: millions of ratings; the cap keeps a wrong file (or an endless one) out of the memory. */
    static final long MAX_BYTES = 64 * InputFiles.MB;
    private static final InputFiles.ReadLimit LIMIT = new InputFiles.ReadLimit(MAX_BYTES, "split the ratings");

    private RatingsCsv() {
    }

    static Ratings read(Path file, ScoreRange declared) {
        List<String> lines;
        try {
            lines = InputFiles.readUtf8(file, LIMIT, "the ratings CSV " + file).lines().toList();
        } catch (InputFileException e) {
            throw new UserInputException(e.getMessage(), e);
        }
        int headerLine = firstNonBlank(lines);
        if (headerLine < 0) {
            throw new UserInputException(file + " is empty; it needs the header item,rater,score and one row per rating");
        }
        List<String> header = split(file, headerLine + 1, stripBom(lines.get(headerLine)));
        if (header.size() != 3 || !header.get(0).strip().equalsIgnoreCase("item")
                || !header.get(1).strip().equalsIgnoreCase("rater") || !header.get(2).strip().equalsIgnoreCase("score")) {
            throw new UserInputException(file + ":" + (headerLine + 1) + ": header is '" + lines.get(headerLine).strip()
                    + "'; the first line must be exactly item,rater,score");
        }
        Map<String, Integer> items = new LinkedHashMap<>();
        Map<String, Integer> raters = new LinkedHashMap<>();
        Map<Long, Integer> seenAt = new java.util.HashMap<>();
        List<int[]> cells = new ArrayList<>(); // item, rater, score, line
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = headerLine + 1; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            List<String> f = split(file, lineNo, line);
            if (f.size() != 3) {
                throw new UserInputException(file + ":" + lineNo + ": expected 3 fields (item,rater,score), found "
                        + f.size() + "; quote fields that contain commas");
            }
            String item = f.get(0).strip();
            String rater = f.get(1).strip();
            String scoreText = f.get(2).strip();
            if (item.isEmpty() || rater.isEmpty()) {
                throw new UserInputException(file + ":" + lineNo + ": " + (item.isEmpty() ? "item" : "rater")
                        + " is empty; every row needs an item id and a rater name");
            }
            int score = RatingMatrix.MISSING;
            if (!scoreText.isEmpty()) {
                try {
                    score = Integer.parseInt(scoreText);
                } catch (NumberFormatException e) {
                    throw new UserInputException(file + ":" + lineNo + ": score '" + scoreText
                            + "' is not a whole number; write an integer score or leave it blank for missing");
                }
                if (score == RatingMatrix.MISSING) {
                    throw new UserInputException(file + ":" + lineNo + ": score " + scoreText + " is out of range");
                }
                if (declared != null && !declared.contains(score)) {
                    throw new UserInputException(file + ":" + lineNo + ": score " + score + " is outside the scale "
                            + declared + " given by --scale; fix the score or widen --scale");
                }
                min = Math.min(min, score);
                max = Math.max(max, score);
            }
            int u = items.computeIfAbsent(item, k -> items.size());
            int r = raters.computeIfAbsent(rater, k -> raters.size());
            Integer previous = seenAt.putIfAbsent(((long) u << 32) | r, lineNo);
            if (previous != null) {
                throw new UserInputException(file + ":" + lineNo + ": item '" + item + "' already has a row for rater '"
                        + rater + "' (line " + previous + "); keep one row per item and rater");
            }
            cells.add(new int[] {u, r, score});
        }
        if (items.isEmpty()) {
            throw new UserInputException(file + " has a header but no ratings; add rows item,rater,score");
        }
        if (raters.size() < 2) {
            throw new UserInputException(file + " has ratings from one rater only ('" + raters.keySet().iterator().next()
                    + "'); agreement needs at least two raters");
        }
        int[][] rows = new int[items.size()][raters.size()];
        for (int[] row : rows) {
            java.util.Arrays.fill(row, RatingMatrix.MISSING);
        }
        for (int[] c : cells) {
            rows[c[0]][c[1]] = c[2];
        }
        boolean any = min <= max;
        return new Ratings(List.copyOf(items.keySet()), List.copyOf(raters.keySet()), RatingMatrix.ofItemRows(rows),
                any ? min : 0, any ? max : 0, any);
    }

    /** Splits one CSV line; quoted fields may contain commas and doubled quotes. */
    static List<String> split(Path file, int lineNo, String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            field.setLength(0);
            // skip spaces before an opening quote
            int start = i;
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            closed = true;
                            i++;
                            break;
                        }
                    } else {
                        field.append(c);
                        i++;
                    }
                }
                if (!closed) {
                    throw new UserInputException(file + ":" + lineNo
                            + ": a quoted field is not closed; end it with \" on the same line");
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new UserInputException(file + ":" + lineNo
                            + ": text after a closing quote; write a doubled quote \"\" inside quoted fields");
                }
            } else {
                i = start;
                while (i < n && line.charAt(i) != ',') {
                    char c = line.charAt(i);
                    if (c == '"') {
                        throw new UserInputException(file + ":" + lineNo
                                + ": a quote inside an unquoted field; quote the whole field and double the quote");
                    }
                    field.append(c);
                    i++;
                }
            }
            fields.add(field.toString());
            if (i >= n) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static int firstNonBlank(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (!stripBom(lines.get(i)).isBlank()) {
                return i;
            }
        }
        return -1;
    }

    private static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }
}
