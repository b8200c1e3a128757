package dev.juror.reward.checks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A parsed, versioned safety rule list (format: the header of
 * {@code src/main/resources/dev/juror/reward/safety-rules-v1.txt}). Immutable.
 */
public final class SafetyRules {

    public static final String DEFAULT_RESOURCE = "/dev/juror/reward/safety-rules-v1.txt";

    enum Validator { NONE, LUHN, SSN }

    record RegexRule(Rule rule, Pattern pattern, boolean raw, Validator validator, StartLiterals starts) {

        RegexRule(Rule rule, Pattern pattern, boolean raw, Validator validator) {
            this(rule, pattern, raw, validator, StartLiterals.derive(pattern.pattern()));
        }
    }

    private final String source;
    private final int version;
    private final Map<String, Rule> terms;
    private final List<RegexRule> regexes;

    private SafetyRules(String source, int version, Map<String, Rule> terms, List<RegexRule> regexes) {
        this.source = source;
        this.version = version;
        this.terms = Map.copyOf(terms);
        this.regexes = List.copyOf(regexes);
    }

    /** The list shipped with Juror. */
    public static SafetyRules loadDefault() {
        InputStream in = SafetyRules.class.getResourceAsStream(DEFAULT_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("safety rule list " + DEFAULT_RESOURCE + " is missing from the classpath");
        }
        return parse(DEFAULT_RESOURCE, new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    /**
     * Parses a rule list.
     *
     * @param source name used in error messages (file or resource)
     * @throws IllegalArgumentException naming the source and line for any malformed line
     */
    public static SafetyRules parse(String source, Reader reader) {
        Integer version = null;
        Map<String, Rule> terms = new HashMap<>();
        List<RegexRule> regexes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (version == null) {
                    version = parseVersion(source, number, trimmed);
                    continue;
                }
                String[] parts = trimmed.split("\\s+", 3);
                if (parts.length < 3) {
                    throw error(source, number, "expected '<rule> <kind> <pattern>', got '" + trimmed + "'");
                }
                int at = number;
                Rule rule = Rules.byName(parts[0]).filter(r -> r.category() == RuleCategory.SAFETY)
                        .orElseThrow(() -> error(source, at, "unknown safety rule '" + parts[0] + "'; known: "
                                + String.join(", ", Rules.ALL.stream().filter(r -> r.category() == RuleCategory.SAFETY)
                                .map(Rule::name).toList())));
                String kind = parts[1];
                String pattern = parts[2];
                switch (kind) {
                    case "term" -> terms.put(fold(pattern), rule);
                    case "regex", "raw_regex", "raw_regex+luhn", "raw_regex+ssn", "regex+luhn", "regex+ssn" -> {
                        Validator validator = kind.endsWith("+luhn") ? Validator.LUHN
                                : kind.endsWith("+ssn") ? Validator.SSN : Validator.NONE;
                        try {
                            regexes.add(new RegexRule(rule, Pattern.compile(pattern), kind.startsWith("raw_"), validator));
                        } catch (PatternSyntaxException e) {
                            throw error(source, number, "invalid regex: " + e.getDescription());
                        }
                    }
                    default -> throw error(source, number, "unknown kind '" + kind
                            + "'; use term, regex, raw_regex, raw_regex+luhn or raw_regex+ssn");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read safety rules " + source, e);
        }
        if (version == null) {
            throw error(source, -1, "missing 'version: <n>' header");
        }
        return new SafetyRules(source, version, terms, regexes);
    }

    public int version() {
        return version;
    }

    Map<String, Rule> terms() {
        return terms;
    }

    List<RegexRule> regexes() {
        return regexes;
    }

    private static int parseVersion(String source, int number, String line) {
        if (!line.startsWith("version:")) {
            throw error(source, number, "the first non-comment line must be 'version: <n>', got '" + line + "'");
        }
        try {
            int v = Integer.parseInt(line.substring("version:".length()).strip());
            if (v < 1) {
                throw error(source, number, "version must be >= 1");
            }
            return v;
        } catch (NumberFormatException e) {
            throw error(source, number, "version must be a whole number, got '" + line + "'");
        }
    }

    static String fold(String s) {
        return FoldedText.of(RevealedText.of(s)).text();
    }

    private static IllegalArgumentException error(String source, int line, String message) {
        return new IllegalArgumentException(source + (line > 0 ? " line " + line : "") + ": " + message);
    }
}
