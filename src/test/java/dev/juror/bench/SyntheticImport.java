package dev.juror.bench;

import dev.juror.dataset.ImportBatch;
import dev.juror.dataset.ImportFormat;
import dev.juror.dataset.RolloutInput;
import dev.juror.dataset.SampleInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A synthetic but realistically shaped import: contracts of about 40 KB built from clause templates,
 * each shared by many samples, a few long playbook references, and 1-3 KB JSON predictions with 3-6
 * comments quoting the contract. Seeded, so every run imports the same bytes. Each sample gets its
 * own copy of the texts, as a JSONL reader would produce, so nothing benefits from shared instances.
 */
public final class SyntheticImport {

    private static final String[] PARTIES = {"Acme Holdings Ltd", "Northwind Traders LLC", "Globex Corporation",
        "Initech GmbH", "Umbrella Services SA", "Stark Logistics Inc", "Wayne Components BV", "Tyrell Data plc"};
    private static final String[] CLAUSES = {
        "%d. Term and Renewal. This Agreement commences on the Effective Date and continues for an initial term of %d "
                + "months. Thereafter it renews automatically for successive periods of %d months unless either party "
                + "gives written notice of non-renewal at least %d days before the end of the then-current term.",
        "%d. Fees and Payment. Customer shall pay all undisputed invoices within %d days of receipt. Late amounts "
                + "bear interest at %d percent per month or the maximum rate permitted by law, whichever is lower. "
                + "Supplier may suspend the Services on %d days' written notice if any invoice remains unpaid.",
        "%d. Limitation of Liability. Except for breach of confidentiality, neither party's aggregate liability "
                + "arising out of this Agreement shall exceed the fees paid in the %d months preceding the claim, "
                + "multiplied by %d. Neither party is liable for indirect or consequential loss (ref. %d).",
        "%d. Indemnity. Supplier shall defend and indemnify Customer against third-party claims that the "
                + "Deliverables infringe intellectual property rights, provided Customer notifies Supplier within %d "
                + "days, grants sole control of the defence, and gives reasonable assistance at cost (%d/%d).",
        "%d. Confidentiality. Each party shall keep the other's Confidential Information secret for %d years after "
                + "termination and use it only to perform this Agreement. Disclosure to advisers is permitted on a "
                + "need-to-know basis under obligations no less strict (schedule %d, item %d).",
        "%d. Data Protection. Supplier processes Personal Data only on documented instructions, notifies Customer "
                + "of a Personal Data Breach within %d hours, and deletes or returns all Personal Data within %d days "
                + "after termination, save where retention is required by law (annex %d).",
        "%d. Termination. Either party may terminate for material breach not remedied within %d days of notice. "
                + "Customer may terminate for convenience on %d days' notice, paying fees for Services performed up "
                + "to the termination date and any non-cancellable commitments (clause %d).",
        "%d. Governing Law. This Agreement is governed by the laws of the jurisdiction stated in Schedule %d. The "
                + "courts of that jurisdiction have exclusive jurisdiction, save that either party may seek interim "
                + "relief in any competent court. Service of process may be made by courier within %d days (%d).",
        "%d. Assignment. Neither party may assign or novate this Agreement without the other's prior written "
                + "consent, not to be unreasonably withheld, except to an Affiliate or a successor to substantially "
                + "all of its business on %d days' notice (limit %d, tier %d).",
        "%d. Service Levels. Supplier shall meet the availability target of 99.%d percent per calendar month. For "
                + "each full %d basis points below target, Customer receives a service credit of %d percent of the "
                + "monthly fee, which is Customer's sole remedy for the shortfall.",
    };
    private static final String[] TYPES = {"risk", "missing_clause", "ambiguity", "compliance", "negotiation_point"};

    private SyntheticImport() {
    }

    /** {@code samples} samples with {@code rolloutsPerSample} rollouts each over {@code contracts} contracts. */
    public static ImportBatch batch(int samples, int rolloutsPerSample, int contracts, int references,
                                    int contractChars) {
        Random random = new Random(20_251_128L);
        List<String> contractTexts = new ArrayList<>();
        for (int i = 0; i < contracts; i++) {
            contractTexts.add(document("MASTER SERVICES AGREEMENT No. " + (1000 + i), random, contractChars));
        }
        List<String> referenceTexts = new ArrayList<>();
        for (int i = 0; i < references; i++) {
            referenceTexts.add(document("NEGOTIATION PLAYBOOK, edition " + (i + 1), random, contractChars));
        }
        String systemPrompt = "You are a senior commercial lawyer. Review the contract against the playbook and "
                + "return a JSON array of comments with comment_id, text_excerpt, comment, comment_type and "
                + "recommended_action. Quote excerpts verbatim.";
        List<SampleInput> inputs = new ArrayList<>(samples);
        for (int s = 0; s < samples; s++) {
            String contract = contractTexts.get(s % contracts);
            List<RolloutInput> rollouts = new ArrayList<>(rolloutsPerSample);
            for (int r = 0; r < rolloutsPerSample; r++) {
                rollouts.add(new RolloutInput(prediction(contract, random),
                        Map.of("model", r % 2 == 0 ? "amazon.nova-lite-v1:0" : "amazon.nova-pro-v1:0",
                                "rollout", r, "temperature", 0.7)));
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("split", s % 10 == 0 ? "validation" : "train");
            metadata.put("contract_family", "msa-" + (s % contracts));
            inputs.add(new SampleInput("sample-" + s, new String(systemPrompt.toCharArray()),
                    new String(contract.toCharArray()),
                    new String(referenceTexts.get(s % references).toCharArray()),
                    "{\"comments\":[{\"comment_id\":\"r1\",\"comment\":\"Liability cap below playbook minimum\"}]}",
                    metadata, rollouts, s + 1));
        }
        return new ImportBatch(Path.of("synthetic.jsonl"), ImportFormat.JUROR, inputs, List.of(), List.of(), samples);
    }

    private static String document(String title, Random random, int chars) {
        StringBuilder text = new StringBuilder(chars + 600);
        text.append(title).append("\nBetween ").append(PARTIES[random.nextInt(PARTIES.length)]).append(" and ")
                .append(PARTIES[random.nextInt(PARTIES.length)]).append(".\n\n");
        int number = 1;
        while (text.length() < chars) {
            String clause = CLAUSES[random.nextInt(CLAUSES.length)];
            text.append(String.format(clause, number++, 1 + random.nextInt(60), 1 + random.nextInt(30),
                    1 + random.nextInt(90))).append("\n\n");
        }
        return text.substring(0, chars);
    }

    /** A 1-3 KB JSON array of 3-6 comments whose excerpts are quoted from the contract. */
    private static String prediction(String contract, Random random) {
        int comments = 3 + random.nextInt(4);
        StringBuilder json = new StringBuilder("[");
        for (int c = 0; c < comments; c++) {
            int start = random.nextInt(contract.length() - 200);
            String excerpt = contract.substring(start, start + 60 + random.nextInt(100)).replace("\n", " ");
            if (c > 0) {
                json.append(',');
            }
            json.append("{\"comment_id\":\"c").append(c + 1)
                    .append("\",\"text_excerpt\":\"").append(excerpt.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\",\"comment\":\"This provision departs from the playbook: the threshold of ")
                    .append(random.nextInt(100)).append(" is outside the accepted range and shifts risk to the ")
                    .append("customer without a corresponding price concession.\",\"comment_type\":\"")
                    .append(TYPES[random.nextInt(TYPES.length)])
                    .append("\",\"recommended_action\":\"Propose the playbook wording and ask for a ")
                    .append(random.nextInt(20) + 1).append(" percent cap; escalate if refused.\"}");
        }
        return json.append(']').toString();
    }
}
