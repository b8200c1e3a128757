package dev.juror.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.juror.dataset.InvalidSampleException;
import dev.juror.dataset.NovaSample;
import dev.juror.dataset.NovaSampleExtractor;
import dev.juror.io.InputFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The prompts {@code juror watch sample} sends to a checkpoint: the rows of an RFT dataset in the
 * Nova RFT shape ({@code messages} with a system and one user turn), read with the extractor the
 * import and the reward Lambda use, so a prompt's sample id is the id {@code juror import} gives it.
 * A row that repeats an id (a rollout log's lines of one prompt) is one prompt; an assistant turn
 * in a row (a rollout log) is not sent.
 */
public final class RftPrompts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One prompt.
     *
     * @param line     1-based line of the file
     * @param sampleId the sample it is ({@link NovaSampleExtractor#extract}'s id)
     * @param system   the system prompt ("" when the row has none)
     * @param user     the user turn
     */
    public record Prompt(int line, String sampleId, String system, String user) {
    }

    private RftPrompts() {
    }

    /**
     * @throws WatchInputException naming the file and line of a row that is not a Nova RFT prompt
     */
    public static List<Prompt> read(Path file) throws IOException {
        Map<String, Prompt> prompts = new LinkedHashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(InputFiles.open(file, file.toString()),
                StandardCharsets.UTF_8))) {
            String text;
            int line = 0;
            while ((text = reader.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                Prompt prompt = prompt(file, line, text);
                prompts.putIfAbsent(prompt.sampleId(), prompt);
            }
        }
        if (prompts.isEmpty()) {
            throw new WatchInputException(file.toString(), "no prompts: expected Nova RFT rows, one JSON object per line");
        }
        return List.copyOf(new ArrayList<>(prompts.values()));
    }

    private static Prompt prompt(Path file, int line, String text) {
        String where = file + ":" + line;
        JsonNode row;
        try {
            row = JSON.readTree(text.charAt(0) == '\uFEFF' ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw new WatchInputException(where, "not JSON (" + e.getOriginalMessage() + ")");
        }
        NovaSample sample;
        try {
            sample = NovaSampleExtractor.extract(row);
        } catch (InvalidSampleException e) {
            throw new WatchInputException(where, "not a Nova RFT prompt: " + e.getMessage());
        }
        List<String> user = NovaSampleExtractor.userMessages(row);
        if (user.size() != 1) {
            throw new WatchInputException(where, "the row has " + user.size() + " user turns; juror watch sample"
                    + " sends a system prompt and one user turn");
        }
        if (user.getFirst().isEmpty()) {
            throw new WatchInputException(where, "the user turn is empty: nothing to ask the checkpoint");
        }
        return new Prompt(line, sample.id(), sample.systemPrompt(), user.getFirst());
    }
}
