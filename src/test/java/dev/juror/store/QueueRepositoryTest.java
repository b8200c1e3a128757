package dev.juror.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.juror.workspace.imports.ImportOptions;
import dev.juror.workspace.imports.Importer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** V13: a workspace from before review queues gains them; a queue reads back as stored, items in order. */
class QueueRepositoryTest {

    @TempDir
    Path temp;

    @Test
    void aWorkspaceFromBeforeQueuesGainsThemAndAQueueReadsBackAsStored() throws Exception {
        try (Workspace ws = Workspace.open(temp)) {
            new Importer(ws).importBatch(Batches.samples(2, 3), ImportOptions.refuseInvalid());
        }
        MigrationUndo.run(temp, MigrationUndo.V13);
        try (Workspace ws = Workspace.open(temp)) {
            assertThat(ws.schemaVersion()).isEqualTo(Integer.parseInt(WorkspaceSchema.SCHEMA_VERSION));
            Repositories repositories = Repositories.of(ws, Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"),
                    ZoneOffset.UTC));
            List<Long> ids = repositories.rollouts().summaries().stream().map(RolloutRepository.Summary::rolloutId)
                    .toList();
            Map<String, List<Long>> items = new LinkedHashMap<>();
            items.put("Bea", List.of(ids.get(3), ids.get(0)));
            items.put("Ann", List.of(ids.get(0), ids.get(5), ids.get(2)));
            StoredQueue created = repositories.queues().create(new NewQueue("week 49", "fresh", OptionalLong.empty(),
                    "", "", 42, 3, 1, List.of("Bea", "Ann"), "carol", items));

            StoredQueue read = repositories.queues().find("week 49").orElseThrow();
            assertThat(read).isEqualTo(created);
            assertThat(read.assignments().keySet()).containsExactly("Bea", "Ann");
            assertThat(read.assignedTo("Ann")).containsExactly(ids.get(0), ids.get(5), ids.get(2));
            assertThat(read.rollouts()).containsExactly(ids.get(3), ids.get(0), ids.get(5), ids.get(2));
            assertThat(read.createdAt()).isEqualTo(Instant.parse("2026-12-07T10:00:00Z"));
            assertThat(repositories.queues().all()).containsExactly(read);
            assertThat(repositories.queues().find("week 50")).isEmpty();
        }
    }
}
