package dev.juror.reward.checks;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small, dependency-free language detector: the dominant Unicode script first (Latin, Cyrillic,
 * Greek, Arabic, Hebrew, Han, Kana, Hangul, Devanagari, Thai), then, for Latin text, a stopword
 * profile of seven languages (en, de, fr, es, it, pt, nl). A stopword shared by k of the languages
 * counts 1/k for each. Why not a library: see docs/reward-checks.md (Lambda size; the reward only
 * needs "same language as the input", not 75 languages). Short or ambiguous text is reported as
 * undetermined, never guessed.
 */
public final class LanguageDetector {

    public enum Script { LATIN, CYRILLIC, GREEK, ARABIC, HEBREW, HAN, KANA, HANGUL, DEVANAGARI, THAI, OTHER }

    /** Fewer letters than this: undetermined. */
    static final int MIN_LETTERS = 20;
    /** Fewer words than this (Latin script): undetermined. */
    static final int MIN_WORDS = 5;
    /** The best language needs this much stopword weight... */
    static final double MIN_WEIGHT = 2.0;
    /** ...and this many times the runner-up's. */
    static final double MIN_MARGIN = 1.5;

    private static final Map<String, List<String>> STOPWORDS = Map.of(
            "en", List.of("the", "and", "of", "to", "in", "is", "that", "for", "it", "with", "as", "was", "on", "be",
                    "by", "this", "are", "or", "an", "which", "from", "at", "not", "have", "has", "shall", "will",
                    "any", "such", "its", "their", "been", "may", "would", "should", "other", "than", "these", "into",
                    "under", "upon", "where", "who", "we", "you", "they", "all", "if", "no", "but", "there", "also",
                    "without", "including", "must", "does", "only"),
            "de", List.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "einer", "eines", "den", "dem",
                    "des", "mit", "für", "auf", "sich", "von", "zu", "im", "auch", "werden", "wird", "sind", "oder",
                    "bei", "aus", "nach", "wie", "dass", "durch", "kann", "diese", "dieser", "zum", "zur", "über",
                    "unter", "ohne", "sowie", "gemäß", "muss", "soll", "haben", "hat", "wenn", "nur", "noch", "es",
                    "sie", "wir", "keine", "kein", "vertrag"),
            "fr", List.of("le", "la", "les", "des", "du", "un", "une", "et", "est", "que", "qui", "dans", "pour",
                    "pas", "sur", "au", "aux", "par", "avec", "ce", "cette", "ces", "sont", "être", "il", "elle", "ne",
                    "se", "ou", "plus", "leur", "doit", "peut", "sans", "selon", "entre", "lors", "dont", "tout",
                    "toute", "tous", "afin", "présent", "son", "sa", "ses", "nous", "vous", "été", "aucune", "contrat"),
            "es", List.of("el", "la", "los", "las", "de", "del", "y", "que", "en", "un", "una", "es", "por", "con",
                    "para", "se", "no", "su", "sus", "al", "lo", "como", "más", "pero", "este", "esta", "estos",
                    "ser", "debe", "puede", "sin", "sobre", "entre", "cuando", "también", "contrato", "dicho", "será",
                    "hasta", "desde", "todo", "todos", "cada", "ha", "han", "muy", "ningún", "ninguna"),
            "it", List.of("il", "lo", "la", "gli", "le", "di", "del", "della", "dei", "delle", "e", "che", "è", "un",
                    "una", "per", "con", "non", "sono", "nel", "nella", "al", "alla", "dal", "dalla", "da", "si",
                    "come", "più", "questo", "questa", "essere", "deve", "può", "senza", "tra", "fra", "anche", "ogni",
                    "contratto", "suo", "sua", "loro", "ha", "hanno", "degli", "sul", "sulla", "nessun", "nessuna"),
            "pt", List.of("o", "a", "os", "as", "de", "do", "da", "dos", "das", "e", "que", "em", "um", "uma", "para",
                    "com", "não", "no", "na", "nos", "nas", "por", "se", "é", "ao", "à", "pela", "pelo", "mais",
                    "como", "seu", "sua", "este", "esta", "deve", "pode", "sem", "entre", "também", "contrato", "será",
                    "ser", "são", "foi", "ou", "já", "nenhum", "nenhuma"),
            "nl", List.of("de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "voor", "met", "zijn",
                    "er", "aan", "ook", "als", "bij", "door", "naar", "om", "worden", "wordt", "uit", "dan", "deze",
                    "dit", "die", "wel", "geen", "over", "moet", "kan", "zal", "onder", "tussen", "zonder",
                    "overeenkomst", "of", "hun", "haar", "hij", "zij", "wij", "u", "heeft", "hebben"));

    private final Map<String, Map<String, Double>> weights;

    public LanguageDetector() {
        Map<String, Integer> shared = new HashMap<>();
        STOPWORDS.values().forEach(words -> words.stream().distinct().forEach(w -> shared.merge(w, 1, Integer::sum)));
        Map<String, Map<String, Double>> byWord = new HashMap<>();
        STOPWORDS.forEach((lang, words) -> words.stream().distinct().forEach(
                w -> byWord.computeIfAbsent(w, k -> new HashMap<>()).put(lang, 1.0 / shared.get(w))));
        this.weights = Map.copyOf(byWord);
    }

    public LanguageGuess detect(String text) {
        String s = text == null ? "" : text;
        Map<Script, Integer> letters = new EnumMap<>(Script.class);
        int total = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters.merge(script(cp), 1, Integer::sum);
                total++;
            }
        }
        if (total < MIN_LETTERS) {
            return LanguageGuess.undetermined(null, "only " + total + " letters (need " + MIN_LETTERS + ")");
        }
        Script dominant = letters.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        double share = (double) letters.get(dominant) / total;
        if (dominant == Script.HAN || dominant == Script.KANA) {
            // Japanese mixes Han and Kana; any real share of Kana means Japanese, none means Chinese.
            int kana = letters.getOrDefault(Script.KANA, 0);
            int cjk = kana + letters.getOrDefault(Script.HAN, 0);
            share = (double) cjk / total;
            if (share >= 0.6) {
                return new LanguageGuess(kana >= 0.1 * cjk ? "ja" : "zh", kana > 0 ? Script.KANA : Script.HAN, share, "");
            }
        }
        if (share < 0.6) {
            return LanguageGuess.undetermined(dominant, "mixed scripts (" + dominant + " is "
                    + Math.round(share * 100) + "% of the letters)");
        }
        return switch (dominant) {
            case LATIN -> latin(s);
            case GREEK -> new LanguageGuess("el", dominant, share, "");
            case HEBREW -> new LanguageGuess("he", dominant, share, "");
            case HANGUL -> new LanguageGuess("ko", dominant, share, "");
            case THAI -> new LanguageGuess("th", dominant, share, "");
            case CYRILLIC, ARABIC, DEVANAGARI, OTHER -> LanguageGuess.undetermined(dominant,
                    dominant + " script is used by several languages; only the script is known");
            case HAN, KANA -> throw new IllegalStateException("handled above");
        };
    }

    private LanguageGuess latin(String s) {
        String[] words = s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+");
        Map<String, Double> score = new HashMap<>();
        int count = 0;
        for (String w : words) {
            if (w.isEmpty()) {
                continue;
            }
            count++;
            Map<String, Double> hit = weights.get(w);
            if (hit != null) {
                hit.forEach((lang, weight) -> score.merge(lang, weight, Double::sum));
            }
        }
        if (count < MIN_WORDS) {
            return LanguageGuess.undetermined(Script.LATIN, "only " + count + " words (need " + MIN_WORDS + ")");
        }
        List<Map.Entry<String, Double>> ranked = score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).toList();
        if (ranked.isEmpty() || ranked.get(0).getValue() < MIN_WEIGHT) {
            return LanguageGuess.undetermined(Script.LATIN, "too few common words of en, de, fr, es, it, pt, nl");
        }
        double best = ranked.get(0).getValue();
        double second = ranked.size() > 1 ? ranked.get(1).getValue() : 0.0;
        if (best < MIN_MARGIN * second) {
            return LanguageGuess.undetermined(Script.LATIN, "ambiguous between " + ranked.get(0).getKey() + " and "
                    + ranked.get(1).getKey());
        }
        return new LanguageGuess(ranked.get(0).getKey(), Script.LATIN, best / (best + second), "");
    }

    static Script script(int cp) {
        Character.UnicodeScript us;
        try {
            us = Character.UnicodeScript.of(cp);
        } catch (IllegalArgumentException e) {
            return Script.OTHER;
        }
        return switch (us) {
            case LATIN -> Script.LATIN;
            case CYRILLIC -> Script.CYRILLIC;
            case GREEK -> Script.GREEK;
            case ARABIC -> Script.ARABIC;
            case HEBREW -> Script.HEBREW;
            case HAN -> Script.HAN;
            case HIRAGANA, KATAKANA -> Script.KANA;
            case HANGUL -> Script.HANGUL;
            case DEVANAGARI -> Script.DEVANAGARI;
            case THAI -> Script.THAI;
            default -> Script.OTHER;
        };
    }
}
