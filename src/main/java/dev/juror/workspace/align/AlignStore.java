package dev.juror.workspace.align;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.juror.align.Split;
import dev.juror.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where alignments live in a workspace folder: {@code alignment/splits/RUBRIC.json} (the stored split
 * of a rubric, with how often its test samples were judged) and one folder per round,
 * {@code alignment/NNN-RUBRIC/} (experiment.json, the candidates, the new rubric, its diff, the
 * report). Plain files, written atomically, so a round can be read, diffed and kept in version control.
 */
public final class AlignStore {

    public static final String FOLDER = "alignment";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;

    public AlignStore(Path workspaceDirectory) {
        this.root = workspaceDirectory.resolve(FOLDER);
    }

    public Path root() {
        return root;
    }

    public Optional<Split> split(String rubric) {
        Path file = splitFile(rubric);
        return Files.isRegularFile(file) ? Optional.of(read(file, Split.class)) : Optional.empty();
    }

    public void saveSplit(String rubric, Split split) {
        write(splitFile(rubric), split);
    }

    /** The folder of a new round: the next number after every stored one. */
    public int nextId() {
        return list().stream().mapToInt(Experiment::id).max().orElse(0) + 1;
    }

    public Path folder(int id, String rubric) {
        return root.resolve(String.format(java.util.Locale.ROOT, "%03d-%s", id, safe(rubric)));
    }

    public void save(Experiment experiment) {
        write(folder(experiment.id(), experiment.rubric()).resolve("experiment.json"), experiment);
    }

    public void writeText(int id, String rubric, String name, String text) {
        try {
            Path file = folder(id, rubric).resolve(name);
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + name + " under " + root, e);
        }
    }

    /** Every stored round, oldest first. */
    public List<Experiment> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Experiment> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().matches("\\d+-.*")).toList()) {
                Path file = dir.resolve("experiment.json");
                if (Files.isRegularFile(file)) {
                    out.add(read(file, Experiment.class));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
        out.sort(Comparator.comparingInt(Experiment::id));
        return out;
    }

    private Path splitFile(String rubric) {
        return root.resolve("splits").resolve(safe(rubric) + ".json");
    }

    /** Rubric names are identifiers already; anything else is replaced so a name never leaves the folder. */
    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static <T> T read(Path file, Class<T> type) {
        try {
            return JSON.readValue(Files.readString(file), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writeValueAsString(value) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
