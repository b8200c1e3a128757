package dev.juror.app.rubric;

import java.util.ArrayList;
import java.util.List;

/**
 * One dimension as the form edits it: plain strings, so any half-typed value can be held (and
 * undone) and the strict reader decides what is wrong with it.
 *
 * @param rules          mandatory rules, one per line
 * @param weight         the weight as typed
 * @param displayName    the name people see at the desk (empty: none)
 * @param peopleQuestion the question in plain words for the people who label (empty: none)
 */
public record DimensionDraft(String name, String question, String scale, List<LevelText> levels, String rules,
                             String weight, boolean dealBreaker, String displayName, String peopleQuestion) {

    public DimensionDraft {
        levels = List.copyOf(levels);
    }

    /** {@code New_dimension_<n>} with the first n from the count up that no dimension uses yet. */
    static String freshName(List<DimensionDraft> dims) {
        int n = dims.size() + 1;
        while (true) {
            String name = "New_dimension_" + n;
            if (dims.stream().noneMatch(x -> x.name().equals(name))) {
                return name;
            }
            n++;
        }
    }

    /** A new dimension for the "Add dimension" button, on the scale the rubric already uses. */
    static DimensionDraft blank(String name, String scale) {
        DimensionDraft d = new DimensionDraft(name, "", scale, List.of(), "", "1", false, "", "");
        return d.withScale(scale);
    }

    DimensionDraft withName(String value) {
        return new DimensionDraft(value, question, scale, levels, rules, weight, dealBreaker, displayName, peopleQuestion);
    }

    DimensionDraft withQuestion(String value) {
        return new DimensionDraft(name, value, scale, levels, rules, weight, dealBreaker, displayName, peopleQuestion);
    }

    /**
     * A new scale; when its spelling names a known set of levels, the level boxes follow it (texts
     * of levels that remain are kept, new ones start empty).
     */
    DimensionDraft withScale(String value) {
        List<LevelText> next = LevelKeys.of(value).map(keys -> {
            List<LevelText> out = new ArrayList<>();
            for (String key : keys) {
                out.add(new LevelText(key, levels.stream().filter(l -> l.key().equals(key)).map(LevelText::text)
                        .findFirst().orElse("")));
            }
            return List.copyOf(out);
        }).orElse(levels);
        return new DimensionDraft(name, question, value, next, rules, weight, dealBreaker, displayName, peopleQuestion);
    }

    DimensionDraft withLevel(String key, String text) {
        List<LevelText> next = levels.stream().map(l -> l.key().equals(key) ? new LevelText(key, text) : l).toList();
        return new DimensionDraft(name, question, scale, next, rules, weight, dealBreaker, displayName, peopleQuestion);
    }

    DimensionDraft withRules(String value) {
        return new DimensionDraft(name, question, scale, levels, value, weight, dealBreaker, displayName, peopleQuestion);
    }

    DimensionDraft withWeight(String value) {
        return new DimensionDraft(name, question, scale, levels, rules, value, dealBreaker, displayName, peopleQuestion);
    }

    DimensionDraft withDisplayName(String value) {
        return new DimensionDraft(name, question, scale, levels, rules, weight, dealBreaker, value, peopleQuestion);
    }

    DimensionDraft withPeopleQuestion(String value) {
        return new DimensionDraft(name, question, scale, levels, rules, weight, dealBreaker, displayName, value);
    }

    DimensionDraft withDealBreaker(boolean value) {
        return new DimensionDraft(name, question, scale, levels, rules, weight, value, displayName, peopleQuestion);
    }
}
