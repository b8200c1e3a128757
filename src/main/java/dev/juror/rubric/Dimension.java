package dev.juror.rubric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One scoring dimension, judged in rubric order.
 *
 * @param name           key of the dimension in the judge output (letters, digits, underscore)
 * @param question       what the judge answers for this dimension
 * @param scale          how it is scored
 * @param levels         one description per level of the scale, in {@link Scale#levelKeys()} order
 * @param mandatoryRules rules that override the level descriptions (e.g. "an excerpt that quotes
 *                       the Reference scores 1")
 * @param weight         weight in the comment score's weighted mean, &gt; 0
 * @param dealBreaker    whether failing this dimension floors the comment score (when the
 *                       rubric's aggregation enables the floor)
 * @param displayName    the name people see at the desk ("Quote is accurate and the issue is real");
 *                       empty when the file gives none. Never shown to the judge.
 * @param peopleQuestion the question in plain words for the people who label; empty when the file
 *                       gives none. Never shown to the judge.
 */
public record Dimension(String name, String question, Scale scale, Map<String, String> levels,
                        List<String> mandatoryRules, double weight, boolean dealBreaker,
                        String displayName, String peopleQuestion) {

    public static final double DEFAULT_WEIGHT = 1.0;

    /** A dimension without the people-only texts. */
    public Dimension(String name, String question, Scale scale, Map<String, String> levels,
                     List<String> mandatoryRules, double weight, boolean dealBreaker) {
        this(name, question, scale, levels, mandatoryRules, weight, dealBreaker, "", "");
    }

    public Dimension {
        displayName = displayName == null ? "" : displayName;
        peopleQuestion = peopleQuestion == null ? "" : peopleQuestion;
        LinkedHashMap<String, String> ordered = new LinkedHashMap<>();
        for (String key : scale.levelKeys()) {
            String text = levels.get(key);
            if (text == null) {
                throw new IllegalArgumentException("dimension " + name + ": no description for level " + key);
            }
            ordered.put(key, text);
        }
        if (ordered.size() != levels.size()) {
            throw new IllegalArgumentException("dimension " + name + ": levels " + levels.keySet()
                    + " do not match scale " + scale.label());
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("dimension " + name + ": weight must be > 0");
        }
        levels = Collections.unmodifiableMap(ordered);
        mandatoryRules = List.copyOf(mandatoryRules);
    }

    /** The description of one level, e.g. {@code level("3")} or {@code level("pass")}. */
    public String level(String key) {
        String text = levels.get(key);
        if (text == null) {
            throw new IllegalArgumentException("dimension " + name + " has no level " + key);
        }
        return text;
    }

    /** What people see as the dimension's name: the display name, else the key with blanks for underscores. */
    public String shownName() {
        return displayName.isEmpty() ? name.replace('_', ' ') : displayName;
    }

    /** The question people answer: the plain-language one when given, else the judge's question. */
    public String shownQuestion() {
        return peopleQuestion.isEmpty() ? question : peopleQuestion;
    }
}
