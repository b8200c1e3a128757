package dev.juror.watch;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Reads reward records, streaming, from what the Lambda's log lines become:
 * <ul>
 *   <li>JSONL of {@code juror} objects, or of whole EMF lines ({@code {"_aws": ..., "juror": {...}}});</li>
 *   <li>raw CloudWatch Logs export lines: a timestamp, then the message (the EMF JSON); Lambda's
 *       platform lines (START, END, REPORT) are counted and passed over;</li>
 *   <li>the {@code aws logs filter-log-events --output json} document ({@code {"events": [...]}}),
 *       recognised by its first line;</li>
 *   <li>{@link LogEvent}s fetched from CloudWatch Logs.</li>
 * </ul>
 * A truncated line (CloudWatch cuts events at 256 KB), a line that is no JSON, or JSON without a
 * record is a counted skip ({@link Skips}); a record with a bad field refuses the file, naming the
 * line and the field.
 */
public final class RewardRecordReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<RewardRecord> sink;
    private final Skips skips = new Skips();
    private int records;

    public RewardRecordReader(Consumer<RewardRecord> sink) {
        this.sink = sink;
    }

    public Skips skips() {
        return skips;
    }

    /** Records handed to the sink so far. */
    public int records() {
        return records;
    }

    /** Reads a file; {@code name} is how lines are named in messages ("rewards.jsonl" gives "rewards.jsonl:12"). */
    public void readFile(Path file, String name) {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.mark(64 * 1024);
            String first = firstNonBlankLine(in);
            in.reset();
            if (first != null && isFilterLogEventsDocument(first)) {
                readFilterLogEvents(in, name);
                return;
            }
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                readLine(line, name + ":" + number);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads one fetched event (its message is the EMF line). */
    public void readEvent(LogEvent event, String where) {
        readMessage(event.message(), where);
    }

    static boolean isFilterLogEventsDocument(String firstLine) {
        String t = firstLine.strip();
        return t.equals("{") || t.startsWith("{\"events\"") || t.startsWith("{ \"events\"");
    }

    private static String firstNonBlankLine(BufferedReader in) throws IOException {
        int read = 0;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            read += line.length() + 1;
            if (!line.isBlank()) {
                return line;
            }
            if (read > 32 * 1024) {
                return null;
            }
        }
        return null;
    }

    private void readLine(String line, String where) {
        if (line.isBlank()) {
            skips.add(Skips.Reason.BLANK, where);
            return;
        }
        String message = line;
        if (line.charAt(0) != '{') {
            message = LogTimestamps.leading(line).map(l -> line.substring(l.end())).orElse(line);
        }
        readMessage(message, where);
    }

    private void readMessage(String text, String where) {
        String message = text.strip();
        if (message.startsWith("START ") || message.startsWith("END ") || message.startsWith("REPORT ")
                || message.startsWith("INIT_START ") || message.startsWith("INIT_REPORT ")) {
            skips.add(Skips.Reason.PLATFORM, where);
            return;
        }
        int brace = message.indexOf('{');
        if (brace < 0) {
            skips.add(Skips.Reason.NOT_JSON, where);
            return;
        }
        String json = brace == 0 ? message : message.substring(brace);
        RewardRecord record = FastRecordParser.parse(json, where);
        if (record != null) {
            sink.accept(record);
            records++;
            return;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson reports a line cut short as end-of-input, whether or not as a JsonEOFException
            boolean cut = e instanceof JsonEOFException || e.getOriginalMessage().contains("end-of-input");
            skips.add(cut ? Skips.Reason.TRUNCATED : Skips.Reason.NOT_JSON, where);
            return;
        }
        JsonNode juror = node.get("juror");
        if (juror == null && node.has("sample_id") && node.has("reward") && node.has("bundle")) {
            juror = node;
        }
        if (juror == null) {
            skips.add(Skips.Reason.NO_RECORD, where);
            return;
        }
        sink.accept(RewardRecordParser.parse(juror, where));
        records++;
    }

    /** The FilterLogEvents document, streamed event by event; each event named by its line in the file. */
    private void readFilterLogEvents(BufferedReader in, String name) throws IOException {
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            while (p.nextToken() != null) {
                if (p.currentToken() == JsonToken.FIELD_NAME && "events".equals(p.currentName())
                        && p.getParsingContext().getParent().inRoot()) {
                    if (p.nextToken() != JsonToken.START_ARRAY) {
                        throw new WatchInputException(name, "'events' is not a list");
                    }
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String where = name + ":" + p.currentLocation().getLineNr();
                        JsonNode event = p.readValueAsTree();
                        JsonNode message = event.get("message");
                        if (message == null || !message.isTextual()) {
                            throw new WatchInputException(where, "event has no 'message'");
                        }
                        readMessage(message.asText(), where);
                    }
                }
            }
        } catch (JsonEOFException e) {
            throw new WatchInputException(name + ":" + e.getLocation().getLineNr(),
                    "the filter-log-events document is truncated");
        } catch (JsonProcessingException e) {
            boolean cut = e.getOriginalMessage().contains("end-of-input");
            throw new WatchInputException(name + ":" + e.getLocation().getLineNr(), cut
                    ? "the filter-log-events document is truncated"
                    : "not a filter-log-events JSON document: " + e.getOriginalMessage());
        }
    }
}
