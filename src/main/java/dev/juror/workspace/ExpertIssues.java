package dev.juror.workspace;

import dev.juror.calibration.views.IssueRecall;
import dev.juror.dataset.ExcerptLocator;
import dev.juror.dataset.Location;
import dev.juror.dataset.MatchStatus;
import dev.juror.store.ExpertIssue;
import dev.juror.store.ExpertIssueRepository;
import dev.juror.store.Repositories;
import dev.juror.store.SampleDocuments;
import dev.juror.store.StoredComment;
import dev.juror.store.StoredRollout;
import dev.juror.store.Workspace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The issues experts recorded as missed, and which of them each rollout's comments covered: a
 * comment covers an issue when its excerpt, located in the target document, overlaps the passage.
 */
public final class ExpertIssues {

    private final Repositories repositories;
    private final ExpertIssueRepository issues;

    public ExpertIssues(Workspace workspace) {
        this(Repositories.of(Objects.requireNonNull(workspace, "workspace")));
    }

    public ExpertIssues(Repositories repositories) {
        this.repositories = repositories;
        this.issues = repositories.expertIssues();
    }

    /** Stores one issue; committed before this returns. */
    public ExpertIssue record(ExpertIssue issue) {
        return issues.record(issue);
    }

    /** A sample's issues, in the order recorded. */
    public List<ExpertIssue> ofSample(String sampleId) {
        return issues.ofSample(sampleId);
    }

    /** Every issue, by sample. */
    public List<ExpertIssue> all() {
        return issues.all();
    }

    /**
     * One rollout against its sample's issues.
     *
     * @param coveredBy per issue (same order as {@code issues}), the ids of the comments covering it
     */
    public record Coverage(StoredRollout rollout, List<ExpertIssue> issues, List<List<String>> coveredBy) {

        public Coverage {
            issues = List.copyOf(issues);
            coveredBy = coveredBy.stream().map(List::copyOf).toList();
        }

        public int covered() {
            return (int) coveredBy.stream().filter(c -> !c.isEmpty()).count();
        }

        public double recall() {
            return issues.isEmpty() ? 1 : covered() / (double) issues.size();
        }
    }

    /** How a rollout's comments cover the issues recorded on its sample (documents given: they are cached by callers). */
    public static Coverage coverage(StoredRollout rollout, List<ExpertIssue> sampleIssues, ExcerptLocator locator) {
        List<int[]> spans = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (StoredComment c : rollout.comments()) {
            Location at = locator.locate(c.textExcerpt());
            if (Set.of(MatchStatus.EXACT, MatchStatus.NORMALIZED, MatchStatus.FUZZY).contains(at.status())) {
                spans.add(new int[] {at.start(), at.end()});
                ids.add(c.commentId().isEmpty() ? "#" + (c.position() + 1) : c.commentId());
            }
        }
        List<List<String>> coveredBy = new ArrayList<>();
        for (ExpertIssue issue : sampleIssues) {
            List<String> by = new ArrayList<>();
            for (int i = 0; i < spans.size(); i++) {
                if (issue.overlaps(spans.get(i)[0], spans.get(i)[1])) {
                    by.add(ids.get(i));
                }
            }
            coveredBy.add(by);
        }
        return new Coverage(rollout, sampleIssues, coveredBy);
    }

    /** Every rollout of every sample that has issues, with its coverage, by rollout id. */
    public Map<Long, Coverage> coverageOfAll() {
        Map<String, List<ExpertIssue>> bySample = new LinkedHashMap<>();
        issues.all().forEach(i -> bySample.computeIfAbsent(i.sampleId(), k -> new ArrayList<>()).add(i));
        WorkspaceLookups lookups = new WorkspaceLookups(repositories);
        Map<Long, Coverage> out = new LinkedHashMap<>();
        bySample.forEach((sampleId, sampleIssues) -> lookups.sample(sampleId).ifPresent(sample -> {
            SampleDocuments documents = lookups.documentsOf(sample);
            ExcerptLocator locator = ExcerptLocator.forDocuments(documents.target(), documents.reference());
            for (StoredRollout r : lookups.rolloutsOf(sampleId)) {
                out.put(r.id(), coverage(r, sampleIssues, locator));
            }
        }));
        return out;
    }

    /** The recall figures of a coverage, as the calibration report lists a rollout. */
    public static IssueRecall.RolloutRecall recall(String rolloutKey, Coverage coverage, double judgeScore) {
        return new IssueRecall.RolloutRecall(rolloutKey, coverage.issues().size(), coverage.covered(),
                coverage.recall(), judgeScore);
    }
}
