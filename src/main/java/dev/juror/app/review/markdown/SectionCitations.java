package dev.juror.app.review.markdown;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the places in a comment that cite a section of the reference, and only those that match a
 * real section of it. A number counts as a citation of the reference when the comment says so:
 * after {@code §} ("§1.4", "§ 3", "§§ 2.2 and 2.3", "§5.1-5.2"), after the words playbook,
 * guideline or reference ("guideline 2.2", "playbook section 7.2"), or as "section 7.2 of the
 * playbook". A bare "1.4", "clause 1.4" or "Section 1.6" is not linked: in review comments those
 * cite the contract under review far more often than the playbook (the shipped sample comments
 * write "Clause 7.3(e)", "Section 1.6 authorises ..." for the contract and "§1.4" for the playbook),
 * and a link that opens the wrong section misleads more than no link. A heading's words of two or
 * more words ("Term, renewal and exit") are a citation wherever they appear.
 */
public final class SectionCitations {

    private static final String NUMBER = "(\\d+(?:\\.\\d+)*)";
    private static final String MORE = "(?:\\s*(?:,|and|or|to|-|\\u2013)\\s*\\u00A7?\\s*" + NUMBER + ")";
    private static final Pattern SECTION_SIGN = Pattern.compile("\\u00A7\\u00A7?\\s*" + NUMBER);
    private static final Pattern NAMED = Pattern.compile(
            "\\b(?:playbook|guidelines?|reference)(?:'s)?\\s+(?:(?:section|clause|paragraph|rule)\\s+)?\\u00A7?\\s*"
                    + NUMBER, Pattern.CASE_INSENSITIVE);
    private static final Pattern OF_THE_PLAYBOOK = Pattern.compile(
            "\\b(?:section|clause|paragraph|rule)\\s+" + NUMBER
                    + "\\s+of\\s+the\\s+(?:playbook|guidelines?|reference)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern FOLLOWING = Pattern.compile("^" + MORE);

    private final Map<String, DocumentSection> byNumber = new LinkedHashMap<>();
    private final List<DocumentSection> titled = new ArrayList<>();

    public SectionCitations(List<DocumentSection> sections) {
        for (DocumentSection section : sections) {
            if (!section.number().isEmpty()) {
                byNumber.putIfAbsent(section.number(), section);
            }
            if (section.heading() && section.words().split("\\s+").length >= 2) {
                titled.add(section);
            }
        }
    }

    public boolean isEmpty() {
        return byNumber.isEmpty() && titled.isEmpty();
    }

    /** The citations in a text, in order, none overlapping. */
    public List<Citation> find(String text) {
        List<Citation> found = new ArrayList<>();
        numbered(SECTION_SIGN, text, found, true);
        numbered(NAMED, text, found, true);
        numbered(OF_THE_PLAYBOOK, text, found, false);
        String lower = text.toLowerCase(Locale.ROOT);
        for (DocumentSection section : titled) {
            String words = section.words().toLowerCase(Locale.ROOT);
            for (int at = lower.indexOf(words); at >= 0; at = lower.indexOf(words, at + 1)) {
                if (isWordBoundary(lower, at - 1) && isWordBoundary(lower, at + words.length())) {
                    found.add(new Citation(at, at + words.length(), section));
                }
            }
        }
        found.sort(Comparator.comparingInt(Citation::start).thenComparingInt(c -> -c.end()));
        List<Citation> kept = new ArrayList<>();
        int end = -1;
        for (Citation citation : found) {
            if (citation.start() >= end) {
                kept.add(citation);
                end = citation.end();
            }
        }
        return kept;
    }

    /** Each match whose number is a section; with {@code lists}, the numbers that follow it ("and 2.3") too. */
    private void numbered(Pattern pattern, String text, List<Citation> found, boolean lists) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            add(found, matcher.group(1), matcher.start(), matcher.end(1));
            int at = matcher.end(1);
            while (lists) {
                Matcher more = FOLLOWING.matcher(text.substring(at));
                if (!more.find() || parts(more.group(1)) != parts(matcher.group(1))) {
                    break; // "§1.2 or 2 years": a list of sections has numbers of one shape
                }
                add(found, more.group(1), at + more.start(1), at + more.end(1));
                at += more.end(1);
            }
        }
    }

    private void add(List<Citation> found, String number, int start, int end) {
        DocumentSection section = byNumber.get(number);
        if (section != null) {
            found.add(new Citation(start, end, section));
        }
    }

    private static int parts(String number) {
        return number.split("\\.").length;
    }

    private static boolean isWordBoundary(String text, int index) {
        return index < 0 || index >= text.length() || !Character.isLetterOrDigit(text.charAt(index));
    }
}
