package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The regular expressions of the injection rules, applied to {@link FoldedText} (lower case,
 * single spaces, newlines kept). Precision comes from the addressee and the mood, not from bare
 * keywords: "ignore previous instructions" only counts as an imperative at the start of a
 * sentence, line, bracket or quoted string (optionally after "please"/"you must"), and never when
 * the instructions belong to a party or a contract section ("shall ignore prior instructions from
 * the Buyer" is contract language). Every repetition is bounded or possessive, so matching stays
 * linear in the input (see ChecksBenchmark).
 */
final class InjectionPatterns {

    /**
     * A rule's pattern and its anchors: literals of which at least one must occur in the folded text
     * for the pattern to match at all. Checking them with {@code String.contains} first lets typical
     * predictions skip most patterns (an empty list means: always run).
     */
    record Entry(Rule rule, List<String> anchors, Pattern pattern, StartLiterals starts) {

        Entry(Rule rule, List<String> anchors, Pattern pattern) {
            this(rule, anchors, pattern, StartLiterals.UNKNOWN);
        }

        /** The pattern's matches in the folded text, exactly as {@code Matcher.find()} gives them. */
        StartLiterals.Matches matches(String foldedText) {
            return starts.matches(pattern, foldedText);
        }

        /** Whether the pattern can match: true when any anchor occurs (the lookups are shared by all patterns of a scan). */
        boolean mayMatch(AnchorIndex index) {
            if (anchors.isEmpty()) {
                return true;
            }
            for (String anchor : anchors) {
                if (index.contains(anchor)) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final String S = "[ \\n]+";
    /** Start of a sentence, line, bracket, list item or JSON string. */
    private static final String BOS = "(?:^|(?<=[\\n.!?:;,\\[\\](){}\"'*>#|=-]))[ ]?";
    private static final String POLITE = "(?:(?:please|pls|kindly|now|just|also|first|and|so|then|hey|ok|okay|simply|instead)[ ,]+){0,3}";
    private static final String ADDRESSEE = "(?:(?:you|judge|grader|evaluator|assistant|model|ai|llm)[ ,]+"
            + "(?:must|should|will|need to|have to|are to|shall|can|may)[ ]+(?:now[ ]+)?)?";
    private static final String GRADER = "(?:judge|grader|evaluator|assessor|scorer|rater|reviewer model|ai|llm|model"
            + "|assistant|language model|chatbot|gpt|claude|nova|reward model)";
    private static final String PARTY_OR_DOC = "(?:buyer|supplier|customer|vendor|licensee|licensor|company|client|party"
            + "|parties|employer|employee|contractor|subcontractor|seller|purchaser|distributor|provider|lender|borrower"
            + "|tenant|landlord|owner|consultant|agent|manufacturer|reseller|franchisee|franchisor|partner|contract"
            + "|agreement|section|clause|schedule|annex|exhibit|appendix|article|paragraph|sow|statement|order"
            + "|counterparty|board|regulator|authority|[a-z]{2,20}'s)";
    private static final String NOT_PARTY = "(?!" + S + "(?:from|of|by|issued by|given by|in|under|set out in"
            + "|contained in|provided by|received from)" + S + "(?:(?:the|this|that|any|a|an|such|each)" + S + ")?"
            + PARTY_OR_DOC + ")";
    private static final String SELF = "(?:response|answer|comment|comments|output|prediction|review|submission"
            + "|candidate|analysis|solution)";
    private static final String NUMBER_SCORE = "\\d+(?:\\.\\d+)?(?:[ ]?/[ ]?\\d+)?(?!\\d)(?!\\.\\d)(?![ \\n]*(?:days?|business"
            + "|calendar|months?|years?|weeks?|hours?|minutes?|%|percent|per|x\\b|times|copies|units|usd|eur|\\$))";
    private static final String SCORE_NOUN = "(?:score|scores|marks|mark|rating|ratings|grade|points|possible)";

    private InjectionPatterns() {
    }

    static List<Entry> standard() {
        List<Entry> list = new ArrayList<>();
        // --- instructions to the grader
        add(list, Rules.GRADER_INSTRUCTION, List.of("ignore", "disregard", "forget", "skip", "override", "bypass", "neglect", "drop"), BOS + POLITE + ADDRESSEE
                + "(?:ignore|disregard|forget|skip|override|bypass|neglect|drop)(?: about)?"
                + "(?:" + S + "(?:all|any|the|of|your|my|these|those|previous|prior|above|earlier|preceding|foregoing"
                + "|original|old|existing|current|system|given|provided|scoring|grading|evaluation|evaluating"
                + "|comparing|comparison|rating|judging|judge|grader|evaluator|other|initial|default|developer"
                + "|everything|safety)){0,5}"
                + S + "(?:instructions?|prompts?|criterias?|criterion|rules?|directions?|directives?|guidelines?"
                + "|context|rubrics?|guidance|constraints?|above|everything|task|messages?)\\b" + NOT_PARTY);
        add(list, Rules.GRADER_INSTRUCTION, List.of("you"), StartLiterals.of("you"),
                "\\byou" + S + "are" + S + "(?:now" + S + ")?(?:(?:a|an|the|my|our"
                + "|acting as (?:a|an|the)|playing (?:a|an|the))" + S + ")?(?:(?:helpful|impartial|fair|expert|lenient"
                + "|generous|kind|strict|new|friendly|unbiased|senior|official|final|legal|contract)" + S + "){0,2}"
                + GRADER + "\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("mode"), "\\byou" + S + "are" + S + "now" + S + "(?:in" + S + ")?(?:developer|dan|god"
                + "|admin|debug|jailbreak|unrestricted|evaluation|grading)" + S + "mode\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("mode"), "\\b(?:enable|enter|activate|switch to)" + S
                + "(?:developer|dan|god|jailbreak|unrestricted)" + S + "mode\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("judge", "grader", "evaluator", "assessor", "scorer", "rater", "model", "ai", "llm", "assistant", "chatbot", "gpt", "claude", "nova"), StartLiterals.of("as"),
                "\\bas" + S + "(?:the|an|a|my|our)" + S
                + "(?:(?:ai|llm|impartial|expert|fair|official)" + S + ")?" + GRADER + "[ \\n]*,?" + S
                + "(?:you|please|ensure|make|give|score|rate|award|assign|output|return|remember|note|consider|treat"
                + "|always|just)\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("dear", "attention", "attn", "note to", "message to", "hey", "hi", "hello"), StartLiterals.of("dear", "attention", "attn", "note to", "message to", "hey", "hi", "hello"),
                BOS + "(?:dear|attention|attn|note to|message to|hey|hi|hello)" + S
                + "(?:the" + S + ")?(?:(?:ai|llm|automated)" + S + ")?"
                + "(?:judge|grader|evaluator|assessor|scorer|rater|model|assistant|llm|ai)s?\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("judge", "grader", "evaluator", "assessor", "scorer", "rater", "llm", "ai", "model", "assistant"), StartLiterals.of("the", "ai", "llm", "judge", "grader", "evaluator", "assessor", "scorer", "rater", "model", "assistant"),
                BOS + "(?:(?:the|ai|llm)" + S + ")?"
                + "(?:judge|grader|evaluator|assessor|scorer|rater|llm|ai|model|assistant)s?[ \\n]*[:,][ \\n]*"
                + "(?:please" + S + ")?(?:give|score|rate|award|assign|output|return|ignore|disregard|pick|select"
                + "|choose|respond|reply|print|say|mark|consider|treat|grade|evaluate|note|remember)\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("override"), BOS + "system" + S + "override\\b|\\bsystem" + S + "override[ ]?[:!\\]]");
        add(list, Rules.GRADER_INSTRUCTION, List.of("reveal"), "\\breveal" + S + "(?:your" + S + "(?:(?:hidden|secret|original|system)" + S
                + "){0,2}(?:prompt|instructions)|the" + S + "(?:hidden" + S + ")?system" + S + "prompt)\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("prompt"), "\\b(?:print|show|output|repeat|display|leak)" + S + "(?:your|the)" + S
                + "system" + S + "prompt\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("tasked"), "\\byou" + S + "are" + S + "tasked" + S + "with" + S
                + "(?:evaluating|grading|judging|scoring|assessing|rating|comparing)\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("your"), "\\byour" + S + "(?:task|job|role|goal)" + S + "is" + S + "(?:now" + S
                + ")?to" + S + "(?:evaluate|grade|judge|score|rate|assess|compare)\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("according"), BOS + POLITE + ADDRESSEE + "(?:score|grade|rate|evaluate|judge|compare"
                + "|assess)(?:" + S + "(?:this|me|it|the response|the answer))?" + S + "according" + S + "to" + S
                + "(?:the" + S + ")?(?:following|these|my|new|below)\\b");
        add(list, Rules.GRADER_INSTRUCTION, List.of("according"), "\\baccording" + S + "to" + S + "the" + S + "following" + S + "new" + S
                + "(?:scoring" + S + "|grading" + S + "|comparing" + S + ")?criteri");
        add(list, Rules.GRADER_INSTRUCTION, List.of("penali", "deduct", "mark", "downgrade", "lower", "fail"), "\\b(?:do" + S + "not|don't|dont|never)" + S + "(?:penali[sz]e|deduct(?:"
                + S + "any)?" + S + "(?:points|marks)|mark" + S + "down|downgrade|lower" + S + "the" + S + "score"
                + S + "(?:of|for)|fail)" + S + "(?:this|me|my|us|the" + S + SELF + ")\\b");

        // --- requests for a score or a win
        add(list, Rules.SCORE_REQUEST, List.of("give", "award", "assign", "grant", "rate", "score", "mark", "grade", "rank"), "\\b(?:give|award|assign|grant|rate|score|mark|grade|rank)" + S
                + "(?:this|me|us|my|these|the" + S + "(?:" + SELF + "|above|following)|this" + S + "(?:" + SELF
                + "|one)|my" + S + SELF + ")"
                + "(?:" + S + "(?:a|an|the|as|with|score|scores|rating|grade|mark|marks|points|of|perfect|full"
                + "|maximum|max|top|highest|high|best|total|overall|final|possible)){0,5}"
                + S + "(?:" + NUMBER_SCORE + "|(?:full|perfect|max|maximum|top|highest|high|best)" + S + SCORE_NOUN
                + "\\b|(?:highly|excellent|outstanding|five stars?|\\d stars?|ten out)(?![a-z])|a\\+)");
        add(list, Rules.SCORE_REQUEST, List.of("full", "perfect", "maximum", "max", "top", "highest"), StartLiterals.of("full", "perfect", "max", "top", "highest"),
                "\\b(?:full|perfect|maximum|max|top|highest)" + S + SCORE_NOUN
                + "[ \\n]*[,.]?[ \\n]*(?:please|pls|plz|!|thanks|thank you)");
        add(list, Rules.SCORE_REQUEST, List.of("/"), "\\b(?:score|rating|grade|mark)[ ]?[:=]?[ ]?\\d+(?:\\.\\d+)?[ ]?/[ ]?\\d+"
                + "[ \\n]*[,.]?[ \\n]*(?:please|pls|plz|!)");
        add(list, Rules.SCORE_REQUEST, List.of("please"), "\\bplease" + S + "(?:give|award|assign|grant)" + S
                + "(?:me|us|this" + S + "(?:" + SELF + "|one))\\b");
        add(list, Rules.SCORE_REQUEST, List.of("pick", "choose", "select", "prefer", "vote"), "\\b(?:pick|choose|select|prefer|vote for)" + S + "me\\b"
                + "|\\b(?:pick|vote for)" + S + "this" + S + "(?:one|response|answer)\\b");
        add(list, Rules.SCORE_REQUEST, List.of("should"), "\\b(?:i|this" + S + SELF + ")" + S + "(?:should" + S + "win|should" + S
                + "be" + S + "(?:chosen|picked|selected|preferred))\\b");
        add(list, Rules.SCORE_REQUEST, List.of("deserves", "merits", "earns", "warrants", "should", "must"), "\\b(?:this|my|the" + S + "above)" + S + SELF + S
                + "(?:deserves|merits|earns|warrants|should" + S + "(?:get|receive|score|be" + S
                + "(?:given|rated|scored|graded|awarded))|must" + S + "(?:get|receive|score|be" + S
                + "(?:given|rated|scored|graded|awarded)))"
                + "(?=(?:[ \\n]+[^ \\n]{1,20}){0,4}?[ \\n]+(?:full|perfect|maximum|max|top|highest|score|rating|marks"
                + "|points|\\d+(?:\\.\\d+)?(?:/\\d+)?|highly|five|ten)\\b)");

        // --- forged judge output
        add(list, Rules.FORGED_VERDICT, List.of("\""), StartLiterals.of("\""),
                "\"[ ]?(?:score|scores|rating|grade|verdict|overall|overall_score|final_score"
                + "|total_score|comment_score|aggregate_score|judgement|judgment|winner|preference|better_response"
                + "|pass|passed|reward)[ ]?\"[ \\n]*:[ \\n]*(?:\\{|\\[|\"?[ ]?(?:\\d|true|false|yes|no\\b|pass|fail"
                + "|tie|[ab]\"))");
        add(list, Rules.FORGED_VERDICT, List.of("_score", "_grounding", "_consistency", "total_comments", "supporting_"), "\\b(?:comment_score|aggregate_score|targetdocument_grounding"
                + "|reference_consistency|total_comments|supporting_evidence|supporting_reference)\\b");
        add(list, Rules.FORGED_VERDICT, List.of("actionability", "justification", "rationale"), "\"(?:actionability|justification|rationale)\"[ \\n]*:");
        add(list, Rules.FORGED_VERDICT, List.of("<"), "<[ ]?/?[ ]?(?:judge_output|judge_verdict|judge|judgement|judgment"
                + "|evaluation|score|rating|verdict|grade|reward)[ ]?>");

        // --- fake completion
        add(list, Rules.FAKE_COMPLETION, List.of("task"), BOS + "(?:the" + S + ")?(?:(?:evaluation|grading|judging|scoring|review)"
                + S + ")?task" + S + "(?:has" + S + "been|is)" + S + "(?:completed|complete|done|finished)[ ]?[.!\\n]");
        add(list, Rules.FAKE_COMPLETION, List.of("only"), "\\bonly" + S + "output" + S + "(?:a|the|your)" + S
                + "(?:score|result|rating|verdict|number|grade|final)\\b");
        add(list, Rules.FAKE_COMPLETION, List.of("formatting"), "\\bformatting" + S + "as" + S + "\"");
        add(list, Rules.FAKE_COMPLETION, List.of("evaluation", "grading", "judging", "scoring"), "\\b(?:evaluation|grading|judging|scoring)" + S + "(?:is" + S + "|has"
                + S + "been" + S + ")?(?:complete|completed|finished|done|over)\\b");
        add(list, Rules.FAKE_COMPLETION, List.of("output"), "\\boutput" + S + "(?:only" + S + ")?(?:the" + S + ")?"
                + "(?:score|rating|verdict)" + S + "(?:as|of)\\b");

        // --- verdict lines
        add(list, Rules.RATING_LINE, List.of("rating", "score", "grade", "verdict", "evaluation", "judg"), "(?:^|(?<=[\\n\"]))[ ]?(?:[#*>_ -]{1,6}[ ]?)?(?:(?:final|overall|total)" + S
                + ")?(?:rating|score|grade|verdict|evaluation|judgement|judgment)[ ]?[*_]{0,2}[ ]?[:=][ ]?"
                + "[*_\\[(\"]{0,3}[ ]?(?:\\d+(?:\\.\\d+)?|[ab]\\b|tie\\b|pass\\b|fail\\b)");
        add(list, Rules.RATING_LINE, List.of("[["), "\\[\\[(?:\\d+(?:\\.\\d+)?|[abc])\\]\\]");
        add(list, Rules.RATING_LINE, List.of("verdict"), "\\bfinal" + S + "verdict[ \\n]*(?::|is[ \\n]*:?)[ \\n]*[\\[\"(]*"
                + "(?:\\d|[abc]\\b|tie|the response|response|assistant)");

        // --- delimiter breakout
        add(list, Rules.DELIMITER_BREAKOUT, List.of("</", "< /"), StartLiterals.of("<"),
                "<[ ]?/[ ]?(?:candidate|response|answer|prediction|submission|solution"
                + "|output|input|document|target_?document|reference|reference_?document|system_?prompt|user"
                + "|assistant|system|human|instructions?|context|data|untrusted|model_output|policy_output|turn"
                + "|query|question|task|text|comments?)[a-z0-9_:. -]{0,40}>");
        add(list, Rules.DELIMITER_BREAKOUT, List.of("<<<"), "<<<[ ]?/?[ ]?[a-z0-9_ -]{0,40}>>>");
        add(list, Rules.DELIMITER_BREAKOUT, List.of("<|", "< |", "inst]", "sys>>", "_of_turn>", "</s>"), "<\\|[ ]?(?:im_end|im_start|endoftext|eot_id|eom_id|end_header_id"
                + "|start_header_id|begin_of_text|end_of_text|im_sep|end|endofprompt)[ ]?\\|>"
                + "|\\[/?inst\\]|<</?sys>>|<(?:end|start)_of_turn>|</s>");
        add(list, Rules.DELIMITER_BREAKOUT, List.of("end"), StartLiterals.of("end", "-", "=", "#", "*"),
                "(?:^|(?<=[\\n.!?:;\\[(\"'*>#=-]))[ ]?(?:[-=#*]{2,}[ ]?)?end" + S + "of"
                + S + "(?:the" + S + ")?(?:candidate|response|submission|answer|prediction|output|input|solution"
                + "|document|transcript|conversation)(?:" + S + "(?:text|block|section))?[ ]?"
                + "(?=[-=#*\\]).:!>\"]|\\n|$)");

        // --- chat-role markers
        add(list, Rules.ROLE_TAG, List.of("<|", "< |"), "<\\|[ ]?(?:system|user|assistant|human|ai|model|developer|tool|bot)[ ]?\\|>"
                + "|<\\|[ ]?im_start[ ]?\\|>[ \\n]?(?:system|user|assistant|developer)\\b");
        add(list, Rules.ROLE_TAG, List.of("#"), "(?:^|(?<=[\\n\".!?]))[ ]?#{1,6}[ ]?(?:system|instructions?|assistant|user|human"
                + "|developer)(?:[ ]+(?:prompt|message|instructions?))?[ ]?(?::|(?=\\n|$))");
        add(list, Rules.ROLE_TAG, List.of(":"), StartLiterals.of("system", "assistant", "human", "user", "ai", "developer", "bot", "gpt"),
                "(?:^|(?<=[\\n\"]))[ ]?(?:system|assistant|human|user|ai|developer|bot|gpt)[ ]?:"
                + "|(?<=[.!?])[ ]?(?:system|assistant|human|developer)[ ]?:");
        add(list, Rules.ROLE_TAG, List.of("<", "["), StartLiterals.of("<", "["),
                "<[ ]?/?[ ]?(?:system|system_prompt|sys|developer|admin|instructions?|assistant"
                + "|user)[ ]?>|\\[(?:system|sys|admin|developer|assistant)\\]");

        // --- self-assessment
        add(list, Rules.SELF_ASSESSMENT, List.of("this", "my", "above"), StartLiterals.of("this", "my", "the"),
                "\\b(?:(?:this|my)" + S + SELF + "|the" + S + SELF + S + "above)" + S
                + "(?:is|was|are)" + S + "(?:(?:truly|absolutely|completely|perfectly|clearly|very|highly|simply"
                + "|entirely|fully)" + S + ")?(?:exceptional|flawless|perfect|exemplary|outstanding|impeccable"
                + "|excellent|brilliant|thorough|comprehensive|correct|accurate|complete)\\b");
        add(list, Rules.SELF_ASSESSMENT, List.of("flawless", "both"), "\\bflawless" + S + "and" + S + "exemplary\\b|\\bboth" + S
                + "(?:the" + S + ")?result" + S + "and" + S + "(?:the" + S + ")?process" + S + "are" + S
                + "(?:perfectly" + S + ")?correct\\b");

        // --- text hidden by styling
        add(list, Rules.STYLED_TEXT, List.of("color", "phantom", "font-size", "display", "visibility", "opacity"), "\\\\color[ ]?\\{[ ]?(?:white|#?fff(?:fff)?)[ ]?\\}|\\\\phantom[ ]?\\{"
                + "|\\bcolor[ ]?:[ ]?(?:white|#fff(?:fff)?\\b|transparent|rgba\\([^)]{0,30},[ ]?0\\))"
                + "|\\bfont-size[ ]?:[ ]?0(?:px|pt|em)?\\b|\\bdisplay[ ]?:[ ]?none\\b|\\bvisibility[ ]?:[ ]?hidden\\b"
                + "|\\bopacity[ ]?:[ ]?0(?:\\.0+)?(?![.\\d])");

        // --- other languages, notes to the grader, announced new criteria
        list.addAll(LexiconPatterns.entries());
        return List.copyOf(list);
    }

    /** A literal delimiter configured by the caller (e.g. the rubric's block tags), folded like the text. */
    static Entry literal(Rule rule, String folded) {
        return new Entry(rule, List.of(folded), Pattern.compile(Pattern.quote(folded)), StartLiterals.of(folded));
    }

    /** A judge-output key configured by the caller (e.g. a rubric dimension name) as a JSON key. */
    static Entry verdictKey(String foldedKey) {
        return new Entry(Rules.FORGED_VERDICT, List.of(foldedKey),
                Pattern.compile("\"[ ]?" + Pattern.quote(foldedKey) + "[ ]?\"[ \\n]*:"), StartLiterals.of("\""));
    }

    private static void add(List<Entry> list, Rule rule, List<String> anchors, String regex) {
        list.add(new Entry(rule, anchors, Pattern.compile(regex)));
    }

    /**
     * With the literals every match starts with (after at most one space): for the patterns that
     * would otherwise be tried at every offset of a typical prediction (see {@link StartLiterals}).
     */
    private static void add(List<Entry> list, Rule rule, List<String> anchors, StartLiterals starts, String regex) {
        list.add(new Entry(rule, anchors, Pattern.compile(regex), starts));
    }
}
