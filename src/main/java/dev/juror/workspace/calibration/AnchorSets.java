package dev.juror.workspace.calibration;

import dev.juror.calibration.rating.Rating;
import dev.juror.rubric.Rubric;
import dev.juror.store.AnchorSet;
import dev.juror.store.AnchorSetRepository;
import dev.juror.store.Repositories;
import dev.juror.store.Workspace;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Frozen anchor sets as calibration input: freezing the labels that count for a rubric now, and
 * reading a set back as the ratings drift is measured on. Refusals (nothing to freeze, a name taken,
 * an unknown set, a set of another rubric) are {@link IllegalArgumentException}s whose message names
 * the set.
 */
public final class AnchorSets {

    private final Workspace workspace;
    private final AnchorSetRepository repository;
    private final CalibrationDataLoader loader;

    public AnchorSets(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public AnchorSets(Workspace workspace, Clock clock) {
        this(Repositories.of(workspace, clock));
    }

    public AnchorSets(Repositories repositories) {
        this.workspace = repositories.workspace();
        this.repository = repositories.anchorSets();
        this.loader = new CalibrationDataLoader(repositories);
    }

    /** An anchor set with its ratings (for a freeze: the ratings recorded). */
    public record Loaded(AnchorSet set, CalibrationDataLoader.HumanLabels labels) {

        /** Distinct items (one dimension of one comment) among the ratings. */
        public int items() {
            return (int) labels.ratings().stream().map(r -> r.itemKey() + "|" + r.dimension()).distinct().count();
        }

        /** Items per dimension, in the order given (0 for a dimension without ratings). */
        public Map<String, Integer> itemsPerDimension(List<String> dimensions) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String d : dimensions) {
                counts.put(d, (int) labels.ratings().stream().filter(r -> r.dimension().equals(d))
                        .map(Rating::itemKey).distinct().count());
            }
            return counts;
        }

        /** The labellers of the ratings, by name. */
        public List<String> labellers() {
            return new ArrayList<>(new TreeSet<>(labels.ratings().stream().map(Rating::rater).toList()));
        }
    }

    /** Freezes the latest labels that count for {@code rubric} as the anchor set {@code name}. */
    public Loaded freeze(String name, Rubric rubric, String note) {
        CalibrationDataLoader.Usable usable = loader.usable(rubric);
        if (usable.rows().isEmpty()) {
            CalibrationDataLoader.HumanLabels h = usable.labels();
            String why = h.notBlind() + h.offScale() + h.otherDimensions() == 0 ? "there are no labels yet"
                    : "left out: " + h.notBlind() + " not given blind (the judge or other labellers shown), " + h.offScale()
                    + " off the rubric's scale, " + h.otherDimensions() + " of other dimensions";
            throw new IllegalArgumentException("no usable labels of rubric " + rubric.name() + " in "
                    + workspace.directory() + " to freeze (" + why + "); label items blind first");
        }
        return new Loaded(repository.freeze(name, rubric, note, usable.rows()), usable.labels());
    }

    /** The set's frozen ratings for {@code rubric}, which must be the rubric the set was frozen for. */
    public Loaded load(String name, Rubric rubric) {
        AnchorSet set = repository.find(name).orElseThrow(() -> new IllegalArgumentException(
                "no anchor set named " + name + " in " + workspace.directory()));
        if (!set.rubricName().equals(rubric.name())) {
            throw new IllegalArgumentException("anchor set " + name + " was frozen for rubric " + set.rubricName()
                    + ", not " + rubric.name());
        }
        return new Loaded(set, loader.anchorLabels(rubric, set));
    }
}
