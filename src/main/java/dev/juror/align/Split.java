package dev.juror.align;

import java.util.List;
import java.util.Set;

/**
 * The three disjoint sets of samples an alignment uses: train (candidates are proposed from it),
 * validation (candidates are chosen on it) and test (the chosen candidate is measured on it once).
 * Whole samples, never single comments, so comments of one contract never straddle two splits.
 *
 * @param seed      the seed the split was drawn with
 * @param testUses  how many rounds have judged the test split so far
 */
public record Split(long seed, List<String> train, List<String> validation, List<String> test,
                    int trainItems, int validationItems, int testItems, int testUses) {

    public Split {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }

    /** The split after one more round judged its test samples. */
    public Split usedOnceMore() {
        return new Split(seed, train, validation, test, trainItems, validationItems, testItems, testUses + 1);
    }

    public Set<String> trainSet() {
        return Set.copyOf(train);
    }

    public Set<String> validationSet() {
        return Set.copyOf(validation);
    }

    public Set<String> testSet() {
        return Set.copyOf(test);
    }
}
