package dev.juror.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.dataset.ContractTexts;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's mix really is the mix it claims to be. */
class ExcerptMixTest {

    @Test
    void everyCaseGetsTheStatusItWasBuiltFor() {
        String target = ContractTexts.concatenated(ExcerptLocatorBenchmark.DOCUMENT_CHARS);
        String reference = ContractTexts.reference();
        ExcerptLocator locator = ExcerptLocator.forDocuments(target, reference);
        List<ExcerptMix.Case> cases = ExcerptMix.build(target, reference);

        assertThat(target.length()).isGreaterThanOrEqualTo(300_000);
        assertThat(cases).hasSize(40);
        for (ExcerptMix.Case c : cases) {
            Location location = locator.locate(c.excerpt());
            assertThat(location.status()).as(c.excerpt()).isEqualTo(c.expected());
        }
    }
}
