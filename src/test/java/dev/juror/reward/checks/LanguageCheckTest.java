package dev.juror.reward.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.PredictionParser;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LanguageCheckTest {

    private final LanguageDetector detector = new LanguageDetector();
    private final LanguageCheck check = new LanguageCheck();

    /** Short contract-review passages written for this test, one per language. */
    static final Map<String, String> PASSAGES = Map.ofEntries(
            Map.entry("en", "The limitation of liability does not cover indirect damages, and the cap is lower "
                    + "than the fees paid in the previous twelve months. We recommend that the parties agree on a "
                    + "higher cap."),
            Map.entry("de", "Die Haftungsbeschränkung gilt nicht für mittelbare Schäden, und die Obergrenze ist "
                    + "niedriger als die Vergütung der letzten zwölf Monate. Wir empfehlen, dass die Parteien eine "
                    + "höhere Grenze vereinbaren."),
            Map.entry("fr", "La limitation de responsabilité ne couvre pas les dommages indirects et le plafond est "
                    + "inférieur aux honoraires versés au cours des douze derniers mois. Nous recommandons que les "
                    + "parties conviennent d'un plafond plus élevé."),
            Map.entry("es", "La limitación de responsabilidad no cubre los daños indirectos y el límite es inferior "
                    + "a los honorarios pagados en los últimos doce meses. Recomendamos que las partes acuerden un "
                    + "límite más alto para el contrato."),
            Map.entry("it", "La limitazione di responsabilità non copre i danni indiretti e il massimale è inferiore "
                    + "ai compensi pagati negli ultimi dodici mesi. Si raccomanda che le parti concordino un "
                    + "massimale più alto per il contratto."),
            Map.entry("pt", "A limitação de responsabilidade não cobre os danos indiretos e o limite é inferior aos "
                    + "honorários pagos nos últimos doze meses. Recomendamos que as partes acordem um limite mais "
                    + "alto para o contrato."),
            Map.entry("nl", "De beperking van aansprakelijkheid geldt niet voor indirecte schade en het plafond is "
                    + "lager dan de vergoeding van de afgelopen twaalf maanden. Wij raden aan dat de partijen een "
                    + "hoger plafond overeenkomen."),
            Map.entry("ja", "責任制限条項は間接損害を対象としておらず、上限額は過去十二か月の報酬よりも低くなっています。"
                    + "当事者間でより高い上限額を合意することをお勧めします。"),
            Map.entry("zh", "责任限制条款不包括间接损失，且赔偿上限低于过去十二个月支付的费用。我们建议双方约定更高的赔偿上限。"),
            Map.entry("el", "Ο περιορισμός ευθύνης δεν καλύπτει τις έμμεσες ζημίες και το ανώτατο όριο είναι "
                    + "χαμηλότερο από τις αμοιβές των τελευταίων δώδεκα μηνών."),
            Map.entry("ko", "책임 제한 조항은 간접 손해를 포함하지 않으며 상한액은 지난 12개월 동안 지급된 수수료보다 낮습니다. "
                    + "당사자들이 더 높은 상한에 합의할 것을 권고합니다."));

    static java.util.stream.Stream<String> languages() {
        return PASSAGES.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("languages")
    void detectsEachSupportedLanguageOnARealPassage(String language) {
        LanguageGuess guess = detector.detect(PASSAGES.get(language));
        assertThat(guess.language()).as(guess.reason()).isEqualTo(language);
        assertThat(guess.confidence()).isBetween(0.5, 1.0);
    }

    @Test
    void shortOrAmbiguousTextIsUndeterminedNotGuessed() {
        assertThat(detector.detect("Cap too low.").determined()).isFalse();
        assertThat(detector.detect("Section 4.2(b)(iii) — 12,000 USD; 30 days; ISO 27001; SOC 2.").determined()).isFalse();
        LanguageGuess russian = detector.detect("Ограничение ответственности не распространяется на косвенные убытки.");
        assertThat(russian.determined()).isFalse();
        assertThat(russian.script()).isEqualTo(LanguageDetector.Script.CYRILLIC);
    }

    @Test
    void matchingLanguagesPassAndDifferentOnesAreAMismatch() {
        CheckResult same = check.check(PASSAGES.get("en"), "The indemnity is one-sided because only the Buyer is "
                + "protected; we suggest that it should be made mutual for both parties.");
        assertThat(same.clean()).isTrue();
        assertThat(same.metric("language_match", -1)).isEqualTo(1.0);
        assertThat(same.metric("language_determined", -1)).isEqualTo(1.0);

        CheckResult different = check.check(PASSAGES.get("en"), PASSAGES.get("de"));
        assertThat(different.hasRule("language.mismatch")).isTrue();
        assertThat(different.findings().get(0).evidence()).contains("input en").contains("prediction de");
        assertThat(different.metric("language_match", -1)).isEqualTo(0.0);
    }

    @Test
    void differentScriptsAreAMismatchEvenWhenTheLanguageIsUnknown() {
        CheckResult result = check.check(PASSAGES.get("en"),
                "Ограничение ответственности не распространяется на косвенные убытки, и лимит слишком низкий.");
        assertThat(result.hasRule("language.mismatch")).isTrue();
    }

    @Test
    void undeterminedIsReportedAndScoredAsAMatch() {
        CheckResult result = check.check(PASSAGES.get("en"), "OK.");
        assertThat(result.hasRule("language.undetermined")).isTrue();
        assertThat(result.metric("language_match", -1)).isEqualTo(1.0);
        assertThat(result.metric("language_determined", -1)).isEqualTo(0.0);
    }

    @Test
    void predictionProseLeavesOutTheQuotedExcerpts() {
        String raw = "[{\"comment_id\":\"c1\",\"text_excerpt\":\"Die Haftung ist auf den Auftragswert beschränkt.\","
                + "\"comment\":\"The cap is lower than the fees of the last twelve months and should be raised.\","
                + "\"comment_type\":\"risk\",\"recommended_action\":\"Raise the cap to the fees paid in the year.\"}]";
        String prose = LanguageCheck.predictionProse(PredictionParser.parse(raw));
        assertThat(prose).doesNotContain("Haftung");
        assertThat(detector.detect(prose).language()).isEqualTo("en");
    }
}
