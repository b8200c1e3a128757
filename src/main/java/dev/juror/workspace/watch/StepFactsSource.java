package dev.juror.workspace.watch;

import dev.juror.store.TrainingRun;
import dev.juror.store.TrainingRunRepository;
import dev.juror.watch.StepRecords;
import dev.juror.watch.detect.StepTally;
import dev.juror.watch.detect.StepTallyCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A run's per-step facts as the report reads them: stored per step ({@code step_facts}) when the
 * import wrote the step's blocks, so a report reads ~500 small rows, not a million records. A step
 * without stored facts (written since, imported before the table existed, or stored in another
 * format) is read from its records, tallied and stored, so only the first report after pays for it.
 */
public final class StepFactsSource {

    /** Steps tallied between two writes of their facts: a cut-off fill loses at most this many steps' work. */
    private static final int STEPS_PER_SAVE = 50;

    /** Above this many steps to tally, the run is read in one go rather than step by step. */
    private static final int BULK_STEPS = 25;

    private final TrainingRunRepository runs;

    public StepFactsSource(TrainingRunRepository runs) {
        this.runs = runs;
    }

    /** Tallies and stores every step of the run that has records and no stored facts; returns how many. */
    public int fillMissing(TrainingRun run) {
        return fill(run, runs.stepsWithoutFacts(run.id())).size();
    }

    /** One tally per step with records, ascending, the missing ones computed and stored first. */
    public List<StepTally> tallies(TrainingRun run) {
        NavigableMap<Integer, StepTally> out = new TreeMap<>(fill(run, runs.stepsWithoutFacts(run.id())));
        List<Integer> unreadable = new ArrayList<>();
        runs.stepFacts(run.id()).forEach((step, bytes) -> {
            if (out.containsKey(step)) {
                return;
            }
            Optional<StepTally> t = StepTallyCodec.read(bytes);
            if (t.isPresent()) {
                out.put(step, t.get());
            } else {
                unreadable.add(step);
            }
        });
        out.putAll(fill(run, unreadable));
        return List.copyOf(out.values());
    }

    /** The records of step index {@code i} of {@code tallies}, each step read once however many alarms ask. */
    public java.util.function.IntFunction<StepRecords> records(TrainingRun run, List<StepTally> tallies) {
        Map<Integer, StepRecords> read = new HashMap<>();
        return i -> read.computeIfAbsent(i, k -> runs.step(run, tallies.get(k).step()));
    }

    private Map<Integer, StepTally> fill(TrainingRun run, List<Integer> steps) {
        List<StepRecords> records;
        if (steps.size() > BULK_STEPS) {
            // One read of the run (a query, blocks decoded on two threads) instead of a query per step:
            // after an import of 500 steps, 7-9 s of step reads became ~2 s (docs/benchmarks.md).
            Set<Integer> wanted = new HashSet<>(steps);
            records = runs.series(run).steps().stream().filter(s -> wanted.contains(s.step())).toList();
        } else {
            records = steps.stream().map(step -> runs.step(run, step)).filter(s -> s.size() > 0).toList();
        }
        List<StepTally> tallies = records.parallelStream().map(StepTally::of).toList();
        Map<Integer, StepTally> done = new LinkedHashMap<>();
        Map<Integer, byte[]> pending = new LinkedHashMap<>();
        for (StepTally t : tallies) {
            done.put(t.step(), t);
            pending.put(t.step(), StepTallyCodec.write(t));
            if (pending.size() == STEPS_PER_SAVE) {
                runs.saveStepFacts(run.id(), pending);
                pending.clear();
            }
        }
        if (!pending.isEmpty()) {
            runs.saveStepFacts(run.id(), pending);
        }
        return done;
    }
}
