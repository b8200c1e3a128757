package dev.juror.workspace.queues;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The score bands of the stratified strategy. A rollout's judge score is rounded to the nearest
 * whole point and falls in the band that holds it. Without bands written out, every whole score is
 * a band of its own (a 1-5 rubric has five bands). Written out: {@code 1-2,3,4-5}.
 */
public final class ScoreBands {

    private record Band(long low, long high) {
        @Override
        public String toString() {
            return low == high ? Long.toString(low) : low + "-" + high;
        }
    }

    private final List<Band> bands;

    private ScoreBands(List<Band> bands) {
        this.bands = bands;
    }

    /** Every whole score its own band. */
    public static ScoreBands eachScore() {
        return new ScoreBands(List.of());
    }

    /**
     * Reads {@code 1-2,3,4-5}; blank means {@link #eachScore()}.
     *
     * @throws IllegalArgumentException with a sentence saying what is wrong
     */
    public static ScoreBands parse(String text) {
        if (text == null || text.isBlank()) {
            return eachScore();
        }
        List<Band> bands = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            try {
                int dash = p.indexOf('-', 1);
                long low = Long.parseLong((dash < 0 ? p : p.substring(0, dash)).strip());
                long high = dash < 0 ? low : Long.parseLong(p.substring(dash + 1).strip());
                if (high < low) {
                    throw new IllegalArgumentException("band " + p + " ends below its start; write it low-high, e.g. 1-2");
                }
                for (Band b : bands) {
                    if (low <= b.high() && b.low() <= high) {
                        throw new IllegalArgumentException("bands " + b + " and " + p + " overlap");
                    }
                }
                bands.add(new Band(low, high));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("band '" + p + "' is not a whole score or a range such as 1-2");
            }
        }
        return new ScoreBands(List.copyOf(bands));
    }

    /** The band a score falls in, by name ("1-2", "3"); empty when no written-out band holds it. */
    Optional<String> bandOf(double score) {
        long rounded = Math.round(score);
        if (bands.isEmpty()) {
            return Optional.of(Long.toString(rounded));
        }
        return bands.stream().filter(b -> b.low() <= rounded && rounded <= b.high()).findFirst().map(Band::toString);
    }

    /** As written ({@code ""} for {@link #eachScore()}). */
    @Override
    public String toString() {
        return String.join(",", bands.stream().map(Band::toString).toList());
    }
}
