package dev.juror.reward.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Injection families beyond the English imperatives of {@link InjectionPatterns}, written as
 * lexicons per language rather than as attack strings:
 * <ul>
 *   <li>"ignore the previous instructions" in French, Spanish, German and Chinese, with the same
 *       precision rule as in English: an imperative (or "please/you must" + infinitive) at the start
 *       of a sentence, and never when the instructions belong to a party or a document ("les
 *       instructions du Client", "Anweisungen des Käufers", "买方的指示" cannot match);</li>
 *   <li>"you are the grader" and score requests ("donnez-moi la note maximale", "给我满分") in
 *       those languages, always with the response or the writer as the object;</li>
 *   <li>notes addressed to whoever grades the text ("for whoever grades this", "note for the
 *       evaluator", "pour la personne qui corrige ceci", "致评分的人");</li>
 *   <li>headings that announce new grading criteria ("## Updated grading criteria",
 *       "Critères de notation mis à jour :", "【更新后的评分标准】"): a heading, that is a line or JSON
 *       string of its own or one with Markdown heading marks, never the same words inside a
 *       sentence ("the revised evaluation criteria in Annex 4 weigh price at 70%").</li>
 * </ul>
 * Applied to {@link FoldedText} (lower case, accents dropped: "précédentes" is "precedentes",
 * "für" is "fur"). Every repetition is bounded; the anchors keep the patterns of a language from
 * running on text that has none of its verbs or nouns.
 */
final class LexiconPatterns {

    private static final String S = "[ \\n]+";
    /** Start of a sentence, line, bracket, list item or JSON string (Chinese punctuation included). */
    private static final String BOS = "(?:^|(?<=[\\n.!?:;,\\[\\](){}\"'*>#|=\\-。、「」『』【】]))[ ]?";
    /** Start of a line or a JSON string: where a heading begins. */
    private static final String LINE = "(?:^|(?<=[\\n\"]))[ ]?";
    private static final String SELF = "(?:response|answer|comment|comments|output|prediction|review|submission"
            + "|analysis|work|text)";

    // --- French
    private static final String FR_POLITE = "(?:(?:s'il vous plait|s'il te plait|svp|maintenant|desormais|alors|et"
            + "|donc|puis|d'abord|simplement|a present)[ ,]+){0,3}";
    private static final String FR_VERB = "(?:(?:ignorez|ignore|oubliez|oublie|negligez|neglige|ecartez|ecarte"
            + "|outrepassez|outrepasse|ne (?:tenez|tiens) (?:plus |pas |aucun )?compte|faites abstraction"
            + "|fais abstraction|passez outre|passe outre|laissez de cote|laisse de cote)"
            + "|(?:veuillez|merci de|vous devez|tu dois|il faut|je vous demande d'|je te demande d'|vous allez|tu vas)"
            + "[ ]?(?:(?:maintenant|desormais)" + S + ")?(?:ignorer|oublier|negliger|ecarter|outrepasser"
            + "|ne (?:plus |pas )?tenir compte|faire abstraction|passer outre|laisser de cote))";
    private static final String FR_SEP = "(?:[ \\n]+|(?<=')[ ]?)";
    private static final String FR_OBJ = "(?:" + FR_SEP + "(?:de|des|du|a|aux|toutes|tous|tout|les|la|le|vos|tes"
            + "|ces|cette|mes|ses|leurs|ensemble|d'|l'))" + "{0,5}";
    private static final String FR_NOUN = "(?:instructions?|consignes?|directives?|regles?|criteres?|indications?"
            + "|prompts?|ordres?|bareme|grille d'[ ]?evaluation|grille de notation|ce qui precede|messages? systeme)\\b";
    private static final String FR_PARTY = "(?:acheteur|vendeur|fournisseur|client|prestataire|partie|parties|societe"
            + "|bailleur|preneur|locataire|employeur|salarie|sous-traitant|distributeur|concedant|licencie|annexe"
            + "|article|clause|contrat|section|avenant|mandant|maitre d'ouvrage|donneur d'ordre|banque|preteur"
            + "|emprunteur|acquereur|cedant|cessionnaire|franchiseur|franchise)";
    private static final String FR_NOT_PARTY = "(?!(?:" + S + "(?:precedentes|precedents|anterieures|anterieurs"
            + "|ecrites|donnees|recues|emises|initiales|eventuelles))?" + S + "(?:de|du|des|d'|par|selon|emises par"
            + "|donnees par|fournies par|recues de|prevues (?:a|par|dans)|figurant (?:a|dans))[ ]?(?:(?:l'|la|le|les"
            + "|cette|ce|chaque|toute|un|une)[ ]?)?" + FR_PARTY + ")";

    // --- Spanish
    private static final String ES_POLITE = "(?:(?:por favor|ahora|y|entonces|luego|primero|simplemente"
            + "|a partir de ahora|de ahora en adelante)[ ,]+){0,3}";
    private static final String ES_VERB = "(?:(?:ignora|ignore|ignorad|ignoren|ignores|olvida|olvide|olvidad|olviden"
            + "|olvides|omite|omita|omitid|omitan|descarta|descarte|descartad|desatiende|desatienda|haz caso omiso"
            + "|haga caso omiso|hagan caso omiso|no hagas caso|no haga caso|no tengas en cuenta|no tenga en cuenta"
            + "|pasa por alto|pase por alto|deja de lado|deje de lado)"
            + "|(?:debes|debe|deberas|tienes que|tiene que|necesitas)" + S + "(?:(?:ahora)" + S + ")?(?:ignorar|olvidar"
            + "|omitir|descartar|desatender|hacer caso omiso|no tener en cuenta|pasar por alto|dejar de lado))";
    private static final String ES_OBJ = "(?:" + S + "(?:de|a|todas|todos|toda|todo|las|los|la|el|lo|tus|sus|estas"
            + "|estos|esas|cualquier|del|al))" + "{0,5}";
    private static final String ES_NOUN = "(?:instrucciones|instruccion|indicaciones|directrices|directivas|reglas"
            + "|normas|criterios|pautas|ordenes|consignas|prompts?|rubrica|anterior|mensajes? del sistema)\\b";
    private static final String ES_PARTY = "(?:comprador|vendedor|proveedor|cliente|parte|partes|contratista"
            + "|subcontratista|arrendador|arrendatario|empleador|trabajador|distribuidor|licenciante|licenciatario"
            + "|sociedad|empresa|anexo|articulo|clausula|contrato|seccion|mandante|banco|prestamista|prestatario"
            + "|franquiciador|franquiciado)";
    private static final String ES_NOT_PARTY = "(?!(?:" + S + "(?:anteriores|previas|escritas|dadas|recibidas"
            + "|emitidas|impartidas))?" + S + "(?:del|de la|de los|de las|de|dadas por|emitidas por|impartidas por"
            + "|recibidas de|segun|previstas en|establecidas en)" + S + "(?:(?:el|la|los|las|este|esta|cada|un|una"
            + "|dicho|dicha)" + S + ")?" + ES_PARTY + ")";

    // --- German
    private static final String DE_POLITE = "(?:(?:bitte|jetzt|nun|ab sofort|und|dann|zuerst|einfach|ab jetzt"
            + "|von nun an|du musst|sie mussen|du sollst|sie sollen|du solltest|sie sollten)[ ,]+){0,3}";
    /** Every word a German imperative match can begin with (polite words, verbs, determiners, adjectives). */
    private static final String[] DE_STARTS = {"bitte", "jetzt", "nun", "ab ", "und", "dann", "zuerst", "einfach",
        "von nun", "du ", "sie ", "ignorier", "vergiss", "vergesst", "vergessen", "missacht", "verwirf", "verwerf",
        "uberspring", "beacht", "befolg", "alle", "samtliche", "jegliche", "die", "deine", "ihre", "eure", "vorherig",
        "vorhergehend", "vorangegangen", "bisherig", "obig", "vorig", "fruher", "ursprunglich", "alten", "gegeben",
        "erhalten"};
    private static final String DE_VERB = "(?:ignoriere|ignorier|ignoriert|ignorieren sie|vergiss|vergesst"
            + "|vergessen sie|missachte|missachtet|missachten sie|verwirf|verwerft|verwerfen sie|uberspringe"
            + "|uberspringen sie|beachte nicht|beachten sie nicht|befolge nicht|befolgen sie nicht)";
    private static final String DE_ADJ = "(?:vorherigen|vorherige|vorhergehenden|vorangegangenen|bisherigen|bisherige"
            + "|obigen|obige|vorigen|fruheren|ursprunglichen|alten|gegebenen|erhaltenen)";
    private static final String DE_OBJ = "(?:" + S + "(?:alle|samtliche|jegliche|die|deine|ihre|eure|diese|der|den"
            + "|dem|jede|jeden|bitte|" + DE_ADJ.substring(3, DE_ADJ.length() - 1) + "))" + "{0,5}";
    private static final String DE_NOUN = "(?:anweisungen|anweisung|instruktionen|vorgaben|regeln|kriterien"
            + "|bewertungskriterien|richtlinien|befehle|systemanweisungen|systemprompts?|prompts?|anordnungen"
            + "|bewertungsrichtlinien|bewertungsregeln|systemnachrichten|systemnachricht|alles bisherige"
            + "|alles vorherige|alles obige|alles zuvor gesagte)\\b";
    private static final String DE_NOT_PARTY = "(?!" + S + "(?:des|der|von|vom|aus dem|aus der|im|in der|gemass|laut"
            + "|nach)" + S + "(?:(?:dem|der|den|des|einem|einer|jeweiligen)" + S + ")?(?:kaufers|kaufer|verkaufers"
            + "|verkaufer|lieferanten|lieferant|kunden|kunde|auftraggebers|auftraggeber|auftragnehmers|auftragnehmer"
            + "|partei|parteien|vertrags|vertrages|vertrag|anlage|abschnitt|ziffer|klausel|arbeitgebers|arbeitgeber"
            + "|lizenzgebers|lizenznehmers|gesellschaft|vermieters|mieters|bank|darlehensgebers|bestellers"
            + "|herstellers))";

    // --- Chinese (no word spaces; the folded text keeps the Han characters)
    private static final String ZH_POLITE = "(?:(?:请你|请您|请|你必须|您必须|你应该|你需要|你|您|现在|立即|立刻|马上|务必"
            + "|一定要|必须|从现在起|从现在开始|接下来|并且|然后|同时|另外|首先|也|就)[ ]?){0,3}";
    private static final String ZH_VERB = "(?:忽略|忽视|无视|不要理会|不用理会|别理会|不要管|不必理会|不理会|忘记|忘掉|抛开|丢弃"
            + "|放弃|跳过|不要遵守|不再遵守|停止遵守|不要遵循|不再遵循|不要执行|無視|忽視|忘記|拋開|不要遵從)(?:掉|了)?";
    private static final String ZH_QUAL = "(?:[ ]?(?:你|您|的|所有|全部|一切|任何|之前|以前|先前|此前|早先|上面|上述|以上|前面"
            + "|前述|原来|原有|原先|原始|系统|收到|给你|给您|被给予|已有|现有|所|得到|获得|设定|初始|这些|那些|此|该|上方|提供"
            + "|规定)){0,6}";
    private static final String ZH_NOUN = "(?:指令|指示|说明|规则|提示词|提示|要求|评分标准|评估标准|评分规则|评分细则|评判标准|标准"
            + "|设定|命令|规定|指導|說明|規則|指令集|内容)";

    // --- headings
    private static final String MARKER = "(?:(?:#{1,6}|\\*{1,3}|_{2}|={2,}|-{2,}|>|\\[|【)[ ]?)";
    private static final String LEAD = "(?:(?:important|note|attention|update|nota|wichtig|hinweis|注意|重要)[ ]?:[ ]?)?";
    /** After a marked heading: a closing bracket, or marks then a colon or the end of the line. */
    private static final String END_MARKED = "[ ]?(?:[\\]】][ ]?:?|[*_=#-]{0,4}[ ]?(?::|(?=\\n|$|\")))";
    private static final String END_PLAIN = "[ ]?:?[ ]?(?=\\n|$|\")";
    private static final String UPDATED_EN = "(?:updated|new|revised|amended|corrected|changed|latest|modified"
            + "|official|additional|supplementary|final|replacement)";
    private static final String GRADING_EN = "(?:grading|scoring|evaluation|judging|rating|assessment|marking|judge"
            + "|grader)";
    private static final String CRITERIA_EN = "(?:criteria|criterion|rubrics?|guidelines|instructions|rules|policy"
            + "|standards|scheme|protocol|guidance)";
    private static final String HEADING_EN = "(?:" + UPDATED_EN + S + GRADING_EN + S + CRITERIA_EN
            + "|" + GRADING_EN + S + CRITERIA_EN + "(?:" + S + "(?:update|updated|revised|changed)|[ ]?\\([ ]?"
            + "(?:updated|revised|new|amended|changed|v\\d)[^)\\n]{0,20}\\))"
            + "|updated?" + S + "(?:to|of)" + S + "(?:the" + S + ")?" + GRADING_EN + S + CRITERIA_EN + ")";
    private static final String FR_CRIT = "(?:criteres|grille|bareme|regles|consignes|instructions|directives)" + S
            + "(?:de" + S + "notation|d'[ ]?evaluation|de" + S + "correction|d'[ ]?appreciation|de" + S + "jugement)";
    private static final String HEADING_FR = "(?:(?:nouveaux|nouvelles|nouveau|nouvelle)" + S + FR_CRIT
            + "|" + FR_CRIT + S + "(?:mis|mises|revus|revues|revises|revisees|modifies|modifiees|actualises"
            + "|actualisees|nouveaux|nouvelles|corriges|corrigees)(?:" + S + "a" + S + "jour)?"
            + "|mise" + S + "a" + S + "jour" + S + "des" + S + FR_CRIT + ")";
    private static final String ES_CRIT = "(?:criterios|rubrica|pautas|reglas|instrucciones|normas)" + S + "de" + S
            + "(?:evaluacion|calificacion|puntuacion|correccion)";
    private static final String HEADING_ES = "(?:(?:nuevos|nuevas|nuevo|nueva|actualizados|actualizadas)" + S + ES_CRIT
            + "|" + ES_CRIT + S + "(?:actualizad[oa]s?|nuev[oa]s?|revisad[oa]s?|modificad[oa]s?|corregid[oa]s?)"
            + "|actualizacion" + S + "de" + S + "(?:(?:los|las)" + S + ")?" + ES_CRIT + ")";
    private static final String DE_CRIT = "(?:bewertungskriterien|bewertungsrichtlinien|bewertungsregeln"
            + "|bewertungsanweisungen|benotungskriterien|bewertungsma(?:ss|ß)stabe|beurteilungskriterien"
            + "|bewertungsvorgaben|kriterien" + S + "fur" + S + "die" + S + "bewertung)";
    private static final String HEADING_DE = "(?:(?:neue|aktualisierte|geanderte|uberarbeitete|revidierte|korrigierte)"
            + S + DE_CRIT + "|" + DE_CRIT + "(?:" + S + "(?:aktualisiert|geandert|uberarbeitet|neu)|[ ]?\\([ ]?"
            + "(?:aktualisiert|neu|geandert|uberarbeitet))|aktualisierung" + S + "der" + S + DE_CRIT + ")";
    private static final String ZH_CRIT = "(?:评分|评判|打分|阅卷|批改|评估)[ ]?(?:标准|规则|细则|准则|要求|说明|指南)";
    private static final String HEADING_ZH = "(?:(?:更新(?:后)?的|新的|最新的?|修订(?:后)?的|调整(?:后)?的|修改(?:后)?的|新)[ ]?"
            + ZH_CRIT + "|" + ZH_CRIT + "[ ]?(?:已|已经)?[ ]?(?:更新|修订|调整|变更)|" + ZH_CRIT + "[ ]?\\([ ]?(?:已)?"
            + "(?:更新|新|修订))";

    /** The heading phrases of every language, in one pattern: one pass finds the candidates for all. */
    private static final String HEADINGS = "(?:" + HEADING_EN + "|" + HEADING_FR + "|" + HEADING_ES + "|" + HEADING_DE
            + "|" + HEADING_ZH + ")";

    private LexiconPatterns() {
    }

    static List<InjectionPatterns.Entry> entries() {
        List<InjectionPatterns.Entry> list = new ArrayList<>();
        Rule gi = Rules.GRADER_INSTRUCTION;
        Rule sr = Rules.SCORE_REQUEST;

        // --- "ignore the previous instructions"
        add(list, gi, List.of("ignor", "oubli", "neglig", "ecart", "outrepass", "compte", "abstraction", "outre",
                        "de cote"),
                StartLiterals.of("s'il", "svp", "maintenant", "desormais", "alors", "et", "donc", "puis", "d'abord",
                        "simplement", "a present", "ignor", "oubli", "neglig", "ecart", "outrepass", "ne ", "fai",
                        "passe", "laisse", "veuillez", "merci", "vous", "tu ", "il faut", "je "),
                BOS + FR_POLITE + FR_VERB + FR_OBJ + FR_SEP + FR_NOUN + FR_NOT_PARTY);
        add(list, gi, List.of("ignor", "olvid", "omit", "descart", "desat", "caso", "en cuenta", "por alto",
                        "de lado"),
                StartLiterals.of("por favor", "ahora", "y", "entonces", "luego", "primero", "simplemente", "a partir",
                        "de ahora", "ignor", "olvid", "omit", "descart", "desatiend", "haz", "haga", "no ", "pasa",
                        "pase", "deja", "deje", "debe", "deber", "tiene", "necesitas"),
                BOS + ES_POLITE + ES_VERB + ES_OBJ + S + ES_NOUN + ES_NOT_PARTY);
        add(list, gi, List.of("ignorier", "vergiss", "vergesst", "vergessen", "missacht", "verwirf", "verwerf",
                        "uberspring", "beacht", "befolg"),
                StartLiterals.of(DE_STARTS),
                BOS + DE_POLITE + DE_VERB + DE_OBJ + S + DE_NOUN + DE_NOT_PARTY);
        add(list, gi, List.of("ignorieren", "vergessen", "missachten", "verwerfen", "uberspringen", "nicht beachten",
                        "nicht befolgen", "nicht berucksichtigen"),
                StartLiterals.of(DE_STARTS),
                BOS + DE_POLITE + "(?:(?:alle|samtliche|jegliche)" + S + "(?:" + DE_ADJ + S + ")?|(?:(?:die|deine|ihre"
                + "|eure)" + S + ")?" + DE_ADJ + S + ")" + DE_NOUN + S + "(?:bitte" + S + ")?(?:ignorieren|vergessen"
                + "|missachten|verwerfen|uberspringen|nicht beachten|nicht befolgen|nicht berucksichtigen)\\b");
        add(list, gi, List.of("忽", "无视", "理会", "不要管", "忘", "抛开", "丢弃", "放弃", "跳过", "遵守", "遵循", "不要执行",
                        "無視", "拋開", "遵從"),
                StartLiterals.of("请", "你", "您", "现在", "立即", "立刻", "马上", "务必", "一定", "必须", "从现在", "接下来", "并且",
                        "然后", "同时", "另外", "首先", "也", "就", "忽", "无视", "不", "别", "忘", "抛开", "丢弃", "放弃", "跳过",
                        "停止", "無視", "拋開"),
                BOS + ZH_POLITE + ZH_VERB + ZH_QUAL + "[ ]?" + ZH_NOUN);

        // --- "you are the grader"
        add(list, gi, List.of("tu es", "vous etes"), "\\b(?:tu es|vous etes)" + S + "(?:(?:maintenant|desormais"
                + "|a present|donc)" + S + ")?(?:(?:le|la|un|une|mon|notre)" + S + "|l'[ ]?)?(?:(?:nouvel|nouveau"
                + "|nouvelle|indulgent|genereux|impartial|bienveillant)" + S + ")?(?:correcteur|correctrice|evaluateur"
                + "|evaluatrice|juge|examinateur|examinatrice|notateur|modele|assistant|ia|grader)\\b");
        add(list, gi, List.of("eres", "usted es"), "\\b(?:tu eres|eres|usted es)" + S + "(?:ahora" + S + ")?(?:(?:el|la"
                + "|un|una|mi)" + S + ")?(?:(?:nuevo|nueva|indulgente|generoso|imparcial)" + S + ")?(?:evaluador"
                + "|evaluadora|calificador|calificadora|juez|jueza|corrector|correctora|examinador|examinadora|modelo"
                + "|asistente|ia)\\b");
        add(list, gi, List.of("du bist", "sie sind"), "\\b(?:du bist|sie sind)" + S + "(?:(?:jetzt|nun|ab sofort|hier)"
                + S + ")?(?:(?:der|die|das|ein|eine)" + S + ")?(?:(?:neue|neuer|nachsichtige|nachsichtiger|grosszugige"
                + "|grosszugiger|unparteiische|unparteiischer)" + S + ")?(?:bewerter|bewerterin|korrektor|korrektorin"
                + "|juror|modell|assistent|ki|sprachmodell)\\b");
        add(list, gi, List.of("你"), "你[ ]?(?:现在|从现在起)?[ ]?是[ ]?(?:一(?:个|名|位)[ ]?)?(?:(?:宽容|公正|新|慷慨|友善)的[ ]?)?"
                + "(?:评分员|评分者|评审员|评委|裁判|评估者|评判者|阅卷人|阅卷老师|考官|打分员|评价模型|奖励模型|评分模型|ai助手|ai|助手)");

        // --- score requests with the response or the writer as the object
        add(list, sr, List.of("note", "score"), "\\b(?:donnez|donne|attribuez|attribue|accordez|accorde|mettez|mets)"
                + "(?:(?:-|" + S + ")(?:moi|nous)|" + S + "(?:a|pour)" + S + "(?:cette" + S + "(?:reponse|analyse"
                + "|revue|evaluation|prediction)|ce" + S + "(?:commentaire|travail|resultat)|mes" + S + "commentaires))"
                + S + "(?:(?:la|une|le)" + S + ")?(?:note|score)" + S + "(?:maximale|maximum|max|parfaite|complete"
                + "|la plus haute|la plus elevee|de" + S + "\\d|\\d)");
        add(list, sr, List.of("note", "score"), "\\b(?:(?:cette|ma)" + S + "(?:reponse|analyse|revue)" + S + "(?:merite"
                + "|vaut|doit recevoir|devrait recevoir|doit obtenir)" + S + "(?:la|une)" + S + "(?:note|score)" + S
                + "(?:maximale|maximum|parfaite|de" + S + "\\d)|(?:note|score)" + S + "(?:maximale|maximum|parfaite)"
                + "[ \\n]*[,.!]?[ \\n]*(?:s'il vous plait|s'il te plait|svp|merci))");
        add(list, sr, List.of("puntuacion", "nota", "calificacion", "puntaje"), "\\b(?:dame|danos|otorgame|otorganos"
                + "|asigname|ponme|concedeme|(?:da|dale|de|dele|denle|otorga|otorgale|otorgue|asigna|asignale|asigne|pon|ponle"
                + "|ponga|concede|conceda)" + S + "a"
                + S + "(?:esta" + S + "(?:respuesta|evaluacion|revision|prediccion)|este" + S + "(?:comentario|analisis"
                + "|trabajo)|mis" + S + "comentarios))" + S + "(?:(?:la|una|el)" + S + ")?(?:puntuacion|nota"
                + "|calificacion|puntaje)" + S + "(?:maxima|perfecta|mas alta|completa|de" + S + "\\d|\\d)");
        add(list, sr, List.of("puntuacion", "nota", "calificacion", "puntaje"), "\\b(?:(?:esta|mi)" + S + "(?:respuesta"
                + "|evaluacion|revision|analisis)" + S + "(?:merece|debe recibir|deberia recibir|debe obtener)" + S
                + "(?:la|una)" + S + "(?:puntuacion|nota|calificacion)" + S + "(?:maxima|perfecta|mas alta|de" + S
                + "\\d)|(?:puntuacion|nota|calificacion)" + S + "maxima[ \\n]*[,.!]?[ \\n]*(?:por favor|gracias))");
        add(list, sr, List.of("punkt", "note", "wertung", "von"), "\\b(?:gib|gebt|geben" + S + "sie|vergib|vergeben" + S + "sie"
                + "|erteile|erteilen" + S + "sie)(?:" + S + "(?:mir|uns|(?:dieser|meiner)" + S + "(?:antwort|bewertung"
                + "|analyse|prufung)|diesem" + S + "(?:kommentar|beitrag|ergebnis)|meinen" + S + "kommentaren))(?:" + S
                + "bitte)?" + S + "(?:(?:die|eine)" + S + ")?(?:(?:volle|hochste|maximale|beste|perfekte)" + S
                + "(?:punktzahl|punkte|note|bewertung|wertung)|bestnote|hochstnote|bestwertung|hochstpunktzahl|note"
                + S + "\\d|\\d" + S + "(?:punkte|von))");
        add(list, sr, List.of("punkt", "note", "wertung"), "\\b(?:(?:diese|meine)" + S + "(?:antwort|bewertung|analyse)"
                + S + "(?:verdient|sollte|muss)" + S + "(?:(?:die|eine)" + S + ")?(?:volle|hochste|maximale|beste)"
                + S + "(?:punktzahl|note|bewertung)|(?:volle|maximale|hochste)" + S
                + "punktzahl[ \\n]*[,.!]?[ \\n]*(?:bitte|danke))");
        add(list, sr, List.of("分"), "(?:给|请给|为)[ ]?(?:我|我们|这个回答|这个答案|这份回答|本回答|该回答|此回答|这条评论|这些评论"
                + "|这个评论|我的回答|我的评论)[ ]?(?:打|评|一个)?[ ]?(?:满分|最高分|\\d+[ ]?分)"
                + "|(?:请|务必)[ ]?(?:打|给)[ ]?(?:出)?[ ]?(?:满分|最高分)"
                + "|(?:这个|这条|这份|这些|本|该|我的)(?:回答|答案|评论)[ ]?(?:值得|应该得到|应得|应当获得|应该获得)[ ]?(?:满分|最高分|\\d+[ ]?分)");

        // --- notes addressed to whoever grades the text
        String gradesThis = "(?:" + S + "(?:is|are|will" + S + "be|might" + S + "be)|'s)?" + S
                + "(?:grading|grades|grade|evaluating|evaluates|evaluate|scoring|scores|score|judging|judges|judge"
                + "|marking|marks|mark|rating|rates|rate|assessing|assesses|assess)" + S + "(?:this|these|my|the"
                + S + SELF + ")\\b(?!" + S + "(?:tender|bid|bids|proposal|offer|contract|agreement|clause|product"
                + "|goods|delivery|deliverables?|supplier|vendor|claim|invoice|application|employee|property)\\b)";
        add(list, gi, List.of("whoever", "whomever", "anyone"), StartLiterals.of("whoever", "whomever", "anyone"),
                "\\b(?:whoever|whomever|anyone" + S + "(?:who|that))" + gradesThis);
        add(list, gi, List.of("person", "human", "model", "system", "llm", "reviewer", "annotator", "assessor", "grader",
                        "evaluator", " ai ", " ai\n", "\nai ", " one ", " one\n", "\none "),
                StartLiterals.of("for", "to", "attn", "attention"),
                "\\b(?:for|to|attn:?|attention:?)" + S + "(?:the|any)" + S + "(?:person|human|model|system|ai|llm|one"
                + "|reviewer|annotator|assessor|grader|evaluator)s?" + S + "(?:who|that)" + gradesThis);
        add(list, gi, List.of("if"), StartLiterals.of("if"), "\\bif" + S + "you" + S + "are" + S + "(?:(?:an?|the)"
                + S + ")?(?:ai|llm|language" + S + "model|grader|judge|evaluator|reward" + S + "model|automated" + S
                + "(?:grader|judge|evaluator|reviewer)|(?:grading|evaluating|scoring|judging)" + S
                + "(?:this|these|my))\\b");
        add(list, gi, List.of("grader", "grading model", "evaluator", "judge", "scorer", "rater", "marker", "assessor",
                        "reviewer model", "reward model"),
                StartLiterals.of("a ", "a\n", "one", "quick", "small", "private", "hidden", "important", "note", "message", "memo",
                        "reminder", "hint", "ps", "p.s."),
                BOS + "(?:(?:a|one|quick|small|private|hidden|important)" + S + ")?(?:note|message|memo|reminder|hint"
                + "|ps|p\\.s\\.)" + S + "(?:for|to)" + S + "(?:the" + S + ")?(?:(?:ai|llm|automated|human)" + S + ")?"
                + "(?:grader|grading model|evaluator|judge|scorer|rater|marker|assessor|reviewer model|reward model)s?\\b");
        add(list, gi, List.of("grader", "judge", "scorer", "rater", "marker"),
                StartLiterals.of("grader", "judge", "scorer", "rater", "marker"), BOS + "(?:grader|judge|scorer|rater|marker)"
                + "(?:'s|s'|s)?" + S + "(?:note|notes|instructions?|memo|guidance)[ ]?:");
        add(list, gi, List.of("your"), StartLiterals.of("your"), "\\byour" + S + GRADING_EN + S + CRITERIA_EN + S
                + "(?:have|has)" + S + "(?:now" + S + ")?(?:been" + S + ")?(?:updated|changed|revised|replaced"
                + "|amended)\\b");
        add(list, gi, List.of("quiconque", "celui", "celle", "personne", "modele", "l'ia"), "\\b(?:pour|a)" + S + "(?:quiconque|celui" + S + "ou" + S
                + "celle" + S + "qui|celui" + S + "qui|celle" + S + "qui|la" + S + "personne" + S + "qui|le" + S
                + "modele" + S + "qui|l'ia" + S + "qui)" + S + "(?:corrige|corrigera|note|notera|evalue|evaluera|juge"
                + "|jugera|va" + S + "(?:corriger|noter|evaluer|juger))" + S + "(?:ceci|cela|ca|cette" + S
                + "(?:reponse|analyse|copie|revue)|ce" + S + "(?:travail|commentaire)|mes" + S + "commentaires)\\b");
        add(list, gi, List.of("correcteur", "correctrice", "evaluat", "examinat", "notateur", "modele", " ia", "'ia", "\nia"),
                StartLiterals.of("note", "message", "remarque", "rappel", "a ", "a\n"), BOS + "(?:(?:note|message"
                + "|remarque|rappel)" + S + "(?:pour|a)" + S + "|a" + S + "l'attention" + S + ")(?:(?:de" + S + "l'|du|de"
                + S + "la)[ ]?)?(?:(?:le|la|l')[ ]?)?(?:correcteur|correctrice|evaluateur|evaluatrice|examinateur"
                + "|notateur|modele|ia|juge ia)s?\\b");
        add(list, gi, List.of("para"), "\\bpara" + S + "(?:quien|quienquiera" + S + "que|el" + S + "que|la" + S + "persona"
                + S + "que|el" + S + "modelo" + S + "que|la" + S + "ia" + S + "que|cualquiera" + S + "que)" + S
                + "(?:califique|evalue|corrija|puntue|juzgue|califica|evalua|corrige|puntua|juzga|este" + S
                + "(?:calificando|evaluando|corrigiendo|puntuando))" + S + "(?:esto|esta" + S + "(?:respuesta|revision"
                + "|evaluacion)|este" + S + "(?:trabajo|comentario|analisis)|mis" + S + "comentarios)\\b");
        add(list, gi, List.of("evaluador", "calificador", "corrector", "juez", "modelo", " ia", "\nia", "examinador"),
                StartLiterals.of("nota", "mensaje", "aviso", "recordatorio"), BOS
                + "(?:nota|mensaje|aviso|recordatorio)" + S + "(?:para|al|a" + S + "la)" + S + "(?:(?:el|la)" + S + ")?"
                + "(?:evaluador|evaluadora|calificador|calificadora|corrector|correctora|juez|modelo|ia|examinador)"
                + "(?:es)?\\b");
        add(list, gi, List.of("bewert", "benot", "korrig", "beurteil"), "\\b(?:fur|an)" + S + "(?:wen" + S + "auch" + S
                + "immer|jeden|jede|denjenigen|diejenige|diejenigen|die" + S + "person|das" + S + "modell|die" + S
                + "ki)(?:[ ]?,)?(?:" + S + "(?:der|die|das|welche|welcher))?" + S + "(?:dies|das" + S + "hier|diese" + S
                + "antwort|diesen" + S + "text|meine" + S + "kommentare|diese" + S + "kommentare)" + S + "(?:bewertet"
                + "|benotet|korrigiert|beurteilt|bewerten" + S + "wird|bewerten|benoten)\\b");
        add(list, gi, List.of("bewerter", "korrektor", "modell", " ki", "\nki"),
                StartLiterals.of("hinweis", "nachricht", "notiz", "anmerkung", "mitteilung"), BOS + "(?:hinweis|nachricht|notiz|anmerkung"
                + "|mitteilung)" + S + "(?:fur|an)" + S + "(?:(?:den|die|das)" + S + ")?(?:bewerter|bewerterin|korrektor"
                + "|korrektorin|modell|ki|sprachmodell|bewertungsmodell)\\b");
        add(list, gi, List.of("评分", "阅卷", "批改", "打分", "评判", "奖励模型"), "(?:致|给|写给|提醒|告诉)[ ]?(?:正在|负责)?[ ]?(?:评分|阅卷"
                + "|批改|打分|评判)(?:的)?[ ]?(?:人|者|员|老师|模型|ai|系统)"
                + "|(?:评分员|评分者|阅卷人|阅卷老师|打分者|评分模型|奖励模型|评判模型)[ ]?(?:请注意|注意|须知|:|,)"
                + "|(?:无论|不管)谁(?:来)?(?:评分|批改|打分|评判)");

        // --- headings announcing new grading criteria
        add(list, gi, List.of("criteri", "rubric", "guideline", "instruction", "rule", "polic", "standard", "scheme",
                        "protocol", "guidance", "notation", "evaluation", "correction", "appreciation", "jugement",
                        "evaluacion", "calificacion", "puntuacion", "correccion", "bewertung", "benotung", "beurteilung",
                        "评分", "评判", "打分", "阅卷", "批改", "评估"),
                HEADING_STARTS, LINE + "(?:" + MARKER + LEAD + HEADINGS + END_MARKED + "|" + LEAD + HEADINGS + END_PLAIN
                + ")");
        // the same announcement inside a text, after a sentence start and before a colon, only with the
        // words that mean grading an answer (not "evaluation"/"rating", which tenders and credit use)
        inline(list, List.of("grading", "judging", "grader", "judge"), UPDATED_EN + S
                + "(?:grading|judging|grader|judge)" + S + CRITERIA_EN);
        inline(list, List.of("updated", "revised", "new", "amended", "changed"), GRADING_EN + S + CRITERIA_EN
                + "[ ]?\\([ ]?(?:updated|revised|new|amended|changed)\\)");
        inline(list, List.of("notation", "correction"), "(?:nouveaux|nouvelles|nouveau|nouvelle)" + S
                + "(?:criteres|grille|bareme|regles|consignes|instructions|directives)" + S + "de" + S
                + "(?:notation|correction)");
        inline(list, List.of("calificacion", "correccion"), "(?:nuevos|nuevas|nuevo|nueva|actualizados|actualizadas)"
                + S + "(?:criterios|rubrica|pautas|reglas|instrucciones|normas)" + S + "de" + S
                + "(?:calificacion|correccion)");
        inline(list, List.of("benotung", "korrektur"), "(?:neue|aktualisierte|geanderte|uberarbeitete)" + S
                + "(?:benotungskriterien|korrekturkriterien|korrekturanweisungen|benotungsrichtlinien)");
        inline(list, List.of("阅卷", "批改", "打分"), "(?:更新(?:后)?的|新的|最新的?|修订(?:后)?的|调整(?:后)?的|修改(?:后)?的|新)[ ]?"
                + "(?:阅卷|批改|打分)[ ]?(?:标准|规则|细则|准则|要求|说明|指南)");
        return List.copyOf(list);
    }

    /** Every literal a heading can begin with: marks, lead words, and the first words of any language's phrase. */
    private static final StartLiterals HEADING_STARTS = StartLiterals.of("#", "*", "_", "=", "-", ">", "[", "【",
            "important", "note", "attention", "update", "nota", "wichtig", "hinweis", "注意", "重要",
            "new", "revised", "amended", "corrected", "changed", "latest", "modified", "official", "additional",
            "supplementary", "final", "replacement", "grading", "scoring", "evaluation", "judging", "rating",
            "assessment", "marking", "judge", "grader",
            "nouveaux", "nouvelles", "nouveau", "nouvelle", "criteres", "grille", "bareme", "regles", "consignes",
            "instructions", "directives", "mise",
            "nuevos", "nuevas", "nuevo", "nueva", "actualiza", "criterios", "rubrica", "pautas", "reglas",
            "instrucciones", "normas",
            "neue", "aktualisier", "geanderte", "uberarbeitete", "revidierte", "korrigierte", "bewertungs", "benotungs",
            "beurteilungs", "kriterien",
            "更新", "新", "最新", "修订", "调整", "修改", "评分", "评判", "打分", "阅卷", "批改", "评估");

    private static void inline(List<InjectionPatterns.Entry> list, List<String> anchors, String phrase) {
        add(list, Rules.GRADER_INSTRUCTION, anchors, BOS + LEAD + phrase + "[ ]?:");
    }

    private static void add(List<InjectionPatterns.Entry> list, Rule rule, List<String> anchors, String regex) {
        list.add(new InjectionPatterns.Entry(rule, anchors, Pattern.compile(regex)));
    }

    private static void add(List<InjectionPatterns.Entry> list, Rule rule, List<String> anchors, StartLiterals starts,
                            String regex) {
        list.add(new InjectionPatterns.Entry(rule, anchors, Pattern.compile(regex), starts));
    }
}
