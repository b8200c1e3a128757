package dev.juror.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a file of training metrics by step, whichever of these it is (recognised by content):
 * <ul>
 *   <li>OpenAI-compatible {@code fine_tuning.jobs.list_events}: the list document ({@code {"data": [...]}})
 *       or its events one per line; events of type {@code metrics} give {@code data.step} and every
 *       numeric member of {@code data}, logged at {@code created_at}. The API lists newest first, so
 *       these are sorted by step;</li>
 *   <li>CSV with a header: a {@code step} column, optionally a time column ({@link TimeValues#TIME_COLUMNS}),
 *       metric columns;</li>
 *   <li>JSONL of objects with {@code step}, optionally a time member, numeric metric members;</li>
 *   <li>log lines (SageMaker / Nova Forge, HyperPod): key-value text ({@link KeyValueLine}), an
 *       optional leading timestamp.</li>
 * </ul>
 * Steps must not go backwards within a CSV, JSONL or log file ("steps out of order", naming the line).
 */
public final class MetricsReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STEP_COLUMNS = Set.of("step", "global_step", "train/global_step", "steps");

    private final Skips skips = new Skips();

    public Skips skips() {
        return skips;
    }

    /** Every step's metrics in the file, in step order. */
    public List<StepMetrics> read(Path file, String name) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot be read: " + e.getMessage(), e);
        }
        String first = lines.stream().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        String whole = String.join("\n", lines);
        if (whole.contains("fine_tuning.job.event") || whole.matches("(?s).*\"type\"\\s*:\\s*\"metrics\".*")) {
            return openAiEvents(lines, whole, first, name);
        }
        if (first.startsWith("{")) {
            return inOrder(jsonLines(lines, name), name);
        }
        if (first.contains(",") && csvHeaderHasStep(first)) {
            return inOrder(csv(lines, name), name);
        }
        return inOrder(logLines(lines, name), name);
    }

    private static boolean csvHeaderHasStep(String header) {
        for (String cell : header.split(",", -1)) {
            if (STEP_COLUMNS.contains(unquote(cell).toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private List<StepMetrics> openAiEvents(List<String> lines, String whole, String first, String name) {
        List<JsonNode> events = new ArrayList<>();
        List<String> places = new ArrayList<>();
        JsonNode document = null;
        try {
            if (first.equals("{") || !first.contains("fine_tuning.job.event")) {
                document = JSON.readTree(whole);
            }
        } catch (JsonProcessingException e) {
            document = null;
        }
        if (document != null && document.path("data").isArray()) {
            for (JsonNode event : document.get("data")) {
                events.add(event);
                places.add(name + " event " + (events.size()));
            }
        } else {
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                events.add(json(lines.get(i), name + ":" + (i + 1)));
                places.add(name + ":" + (i + 1));
            }
        }
        List<StepMetrics> out = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            String where = places.get(i);
            JsonNode data = event.get("data");
            if (!"metrics".equals(event.path("type").asText()) || data == null || !data.isObject()) {
                skips.add(Skips.Reason.NOT_METRICS_EVENT, where);
                continue;
            }
            if (!data.path("step").canConvertToInt()) {
                throw new WatchInputException(where, "metrics event without a whole number in 'data.step'");
            }
            Map<String, Double> values = new LinkedHashMap<>();
            data.properties().forEach(e -> {
                if (e.getValue().isNumber() && !e.getKey().equals("step") && !e.getKey().equals("total_steps")) {
                    values.put(e.getKey(), e.getValue().doubleValue());
                }
            });
            out.add(new StepMetrics(data.get("step").intValue(), TimeValues.of(event.get("created_at"), where,
                    "created_at"), values, where));
        }
        out.sort(Comparator.comparingInt(StepMetrics::step));
        return out;
    }

    private List<StepMetrics> jsonLines(List<String> lines, String name) {
        List<StepMetrics> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = name + ":" + (i + 1);
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode row = json(lines.get(i), where);
            JsonNode step = STEP_COLUMNS.stream().map(row::get).filter(n -> n != null).findFirst().orElse(null);
            if (step == null || !step.canConvertToInt()) {
                throw new WatchInputException(where, "no whole number in 'step'");
            }
            Optional<java.time.Instant> time = Optional.empty();
            Map<String, Double> values = new LinkedHashMap<>();
            for (var e : row.properties()) {
                String key = e.getKey();
                if (TimeValues.TIME_COLUMNS.contains(key) && time.isEmpty()) {
                    time = TimeValues.of(e.getValue(), where, key);
                } else if (e.getValue().isNumber() && !STEP_COLUMNS.contains(key)) {
                    values.put(key, e.getValue().doubleValue());
                }
            }
            out.add(new StepMetrics(step.intValue(), time, values, where));
        }
        return out;
    }

    private List<StepMetrics> csv(List<String> lines, String name) {
        String[] header = lines.getFirst().split(",", -1);
        int stepColumn = -1;
        int timeColumn = -1;
        for (int c = 0; c < header.length; c++) {
            header[c] = unquote(header[c]);
            String lower = header[c].toLowerCase(java.util.Locale.ROOT);
            if (stepColumn < 0 && STEP_COLUMNS.contains(lower)) {
                stepColumn = c;
            } else if (timeColumn < 0 && TimeValues.TIME_COLUMNS.contains(lower)) {
                timeColumn = c;
            }
        }
        List<StepMetrics> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String where = name + ":" + (i + 1);
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.length) {
                throw new WatchInputException(where, cells.length + " columns where the header has " + header.length
                        + " (a truncated line?)");
            }
            int step;
            try {
                step = Integer.parseInt(unquote(cells[stepColumn]));
            } catch (NumberFormatException e) {
                throw new WatchInputException(where, "column '" + header[stepColumn] + "': not a whole number: "
                        + cells[stepColumn]);
            }
            Optional<java.time.Instant> time = timeColumn < 0 || unquote(cells[timeColumn]).isEmpty() ? Optional.empty()
                    : Optional.of(TimeValues.parse(unquote(cells[timeColumn]), where, header[timeColumn]));
            Map<String, Double> values = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                String cell = unquote(cells[c]);
                if (c == stepColumn || c == timeColumn || cell.isEmpty()) {
                    continue;
                }
                try {
                    values.put(header[c], Double.parseDouble(cell));
                } catch (NumberFormatException e) {
                    throw new WatchInputException(where, "column '" + header[c] + "': not a number: " + cell);
                }
            }
            out.add(new StepMetrics(step, time, values, where));
        }
        return out;
    }

    private List<StepMetrics> logLines(List<String> lines, String name) {
        List<StepMetrics> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String where = name + ":" + (i + 1);
            String line = lines.get(i);
            if (line.isBlank()) {
                skips.add(Skips.Reason.BLANK, where);
                continue;
            }
            Optional<LogTimestamps.Leading> leading = LogTimestamps.leading(line);
            String rest = leading.map(l -> line.substring(l.end())).orElse(line);
            KeyValueLine parsed = KeyValueLine.parse(rest);
            if (parsed.values().isEmpty()) {
                skips.add(Skips.Reason.NO_METRICS, where);
            } else if (parsed.step().isEmpty()) {
                skips.add(Skips.Reason.NO_STEP, where);
            } else {
                out.add(new StepMetrics(parsed.step().getAsInt(), leading.map(LogTimestamps.Leading::instant),
                        parsed.values(), where));
            }
        }
        return out;
    }

    /** Steps may repeat (one step's metrics over several lines) but never go back. */
    private static List<StepMetrics> inOrder(List<StepMetrics> rows, String name) {
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).step() < rows.get(i - 1).step()) {
                throw new WatchInputException(rows.get(i).source(), "steps out of order: step " + rows.get(i).step()
                        + " after step " + rows.get(i - 1).step() + " (" + rows.get(i - 1).source() + ")");
            }
        }
        if (rows.isEmpty()) {
            throw new WatchInputException(name, "no metrics by step found (expected key-value log lines with a step, "
                    + "a CSV or JSONL with a 'step' column, or fine_tuning.jobs.list_events metrics events)");
        }
        return rows;
    }

    private static JsonNode json(String line, String where) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null || !node.isObject()) {
                throw new WatchInputException(where, "not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new WatchInputException(where, "not JSON (truncated?): " + e.getOriginalMessage());
        }
    }

    private static String unquote(String cell) {
        String t = cell.strip();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }
}
