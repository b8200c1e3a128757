package dev.juror.workspace.queues;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a queue chooses its rollouts; {@link #id()} is the name the command line and the store use. */
public enum QueueStrategy {
    STRATIFIED("stratified", "Equal numbers from each judge score band", true, new StratifiedEngine()),
    DISAGREEMENT("disagreement", "Largest gap between the judge and the labellers first", true,
            new DisagreementEngine()),
    UNCERTAIN("uncertain", "Where the judge gave different scores when asked again", true, new UncertainEngine()),
    FRESH("fresh", "A random sample of rollouts nobody has labelled", false, new FreshEngine()),
    CHECKPOINT("checkpoint", "Rollouts of each training checkpoint", false, new CheckpointEngine());

    private final String id;
    private final String description;
    private final boolean readsRun;
    private final QueueEngine engine;

    QueueStrategy(String id, String description, boolean readsRun, QueueEngine engine) {
        this.id = id;
        this.description = description;
        this.readsRun = readsRun;
        this.engine = engine;
    }

    public String id() {
        return id;
    }

    /** One line in plain words, for the desk's dialog and the command's help. */
    public String description() {
        return description;
    }

    /** Whether the strategy reads a judge run's scores. */
    public boolean readsRun() {
        return readsRun;
    }

    QueueEngine engine() {
        return engine;
    }

    public static Optional<QueueStrategy> byId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    /** "stratified, disagreement, ..." for messages. */
    public static String ids() {
        return String.join(", ", Arrays.stream(values()).map(QueueStrategy::id).toList());
    }

    @Override
    public String toString() {
        return id;
    }
}
