package dev.juror.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads the CUAD contracts copied into the test resources (see contracts/ATTRIBUTION.md). */
public final class ContractTexts {

    public static final String[] CONTRACTS = {
        "cuad-02-medalist-consulting-agreement.txt",
        "cuad-04-morganstanley-dlf-trademark-license-agreement.txt",
        "cuad-05-todosmedical-marketing-reseller-agreement.txt",
        "cuad-06-meritlife-master-services-agreement.txt",
        "cuad-07-sparklingspringwater-software-license-maintenance-agreement.txt",
        "cuad-08-netgear-distributor-agreement.txt",
    };

    private ContractTexts() {
    }

    public static String load(String name) {
        try (InputStream in = ContractTexts.class.getResourceAsStream("/dataset/contracts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource missing: /dataset/contracts/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The CUAD contracts one after another, repeated until at least {@code minChars} long. */
    public static String concatenated(int minChars) {
        StringBuilder text = new StringBuilder();
        for (int round = 1; text.length() < minChars; round++) {
            for (String name : CONTRACTS) {
                text.append("\n\nSCHEDULE ").append(round).append(" - ").append(name).append("\n\n").append(load(name));
            }
        }
        return text.toString();
    }

    public static String reference() {
        return load("cuad-category-guide.md");
    }
}
