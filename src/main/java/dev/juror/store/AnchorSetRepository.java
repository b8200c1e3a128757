package dev.juror.store;

import dev.juror.rubric.CanonicalForm;
import dev.juror.rubric.Rubric;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2.api.ErrorCode;

/**
 * Frozen anchor sets (migration V5). A set records the ids of label rows; labels are append-only,
 * so the rows, and with them the set's ratings, never change once frozen. Sets are never updated
 * or deleted: a new anchor set gets a new name.
 */
public final class AnchorSetRepository {

    static final int MAX_NAME = 200;

    /** Each set with counts over its rows; items are (rollout, comment, dimension), labellers distinct names. */
    private static final String SELECT = """
            SELECT s.id, s.name, s.rubric_name, s.rubric_version, s.created_at, s.note, COUNT(l.id) AS labels,
                   COUNT(DISTINCT CONCAT(l.rollout_id, '/', l.comment_position, '/', l.dimension)) AS items,
                   COUNT(DISTINCT l.labeller) AS labellers
            FROM anchor_sets s
            LEFT JOIN anchor_labels a ON a.set_id = s.id
            LEFT JOIN labels l ON l.id = a.label_id
            """;
    private static final String GROUP = " GROUP BY s.id, s.name, s.rubric_name, s.rubric_version, s.created_at, s.note";

    private final Workspace workspace;
    private final Clock clock;

    public AnchorSetRepository(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    public AnchorSetRepository(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /**
     * Records {@code labels} as the anchor set {@code name} of {@code rubric}, in one transaction:
     * either the set and all its rows are stored, or nothing is.
     *
     * @throws IllegalArgumentException if the name is blank, too long or already taken, or there are no labels
     */
    public AnchorSet freeze(String name, Rubric rubric, String note, List<StoredLabel> labels) {
        String setName = name == null ? "" : name.strip();
        if (setName.isEmpty()) {
            throw new IllegalArgumentException("an anchor set needs a name");
        }
        if (setName.length() > MAX_NAME) {
            throw new IllegalArgumentException("anchor set name is " + setName.length() + " characters; at most "
                    + MAX_NAME + " fit");
        }
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("anchor set " + setName + ": there are no labels to freeze");
        }
        Set<Long> ids = new LinkedHashSet<>();
        labels.forEach(l -> ids.add(l.id()));
        try (Connection c = workspace.connection()) {
            c.setAutoCommit(false);
            try {
                Optional<AnchorSet> existing = find(c, setName);
                if (existing.isPresent()) {
                    throw taken(existing.get());
                }
                long setId = insertSet(c, setName, rubric, note);
                insertLabels(c, setId, ids);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (e.getErrorCode() == ErrorCode.DUPLICATE_KEY_1) {
                    // Another freeze took the name between our check and our insert.
                    throw taken(find(setName).orElseThrow(() -> new StoreException("Cannot freeze anchor set "
                            + setName, e)));
                }
                throw e;
            } catch (RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot freeze anchor set " + setName + " (" + ids.size() + " labels)", e);
        }
        return find(setName).orElseThrow();
    }

    private static IllegalArgumentException taken(AnchorSet set) {
        return new IllegalArgumentException("anchor set " + set.name() + " already exists (rubric " + set.rubricName()
                + ", frozen " + set.frozenOn() + "); a frozen set never changes, so freeze under another name");
    }

    private long insertSet(Connection c, String name, Rubric rubric, String note) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO anchor_sets (name, rubric_name, rubric_version, created_at, note) VALUES (?, ?, ?, ?, ?)
                """, new String[] {"id"})) {
            insert.setString(1, name);
            insert.setString(2, rubric.name());
            insert.setString(3, CanonicalForm.version(rubric));
            insert.setObject(4, Sql.timestamp(clock.instant()));
            insert.setString(5, Sql.nullIfEmpty(note == null ? null : note.strip()));
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static void insertLabels(Connection c, long setId, Set<Long> labelIds) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO anchor_labels (set_id, label_id) VALUES (?, ?)")) {
            for (long id : labelIds) {
                insert.setLong(1, setId);
                insert.setLong(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Every anchor set, oldest first. */
    public List<AnchorSet> list() {
        try (Connection c = workspace.connection();
             PreparedStatement select = c.prepareStatement(SELECT + GROUP + " ORDER BY s.created_at, s.id")) {
            return read(select);
        } catch (SQLException e) {
            throw new StoreException("Cannot read the anchor sets", e);
        }
    }

    public Optional<AnchorSet> find(String name) {
        try (Connection c = workspace.connection()) {
            return find(c, name);
        } catch (SQLException e) {
            throw new StoreException("Cannot read anchor set " + name, e);
        }
    }

    private static Optional<AnchorSet> find(Connection c, String name) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(SELECT + " WHERE s.name = ?" + GROUP)) {
            select.setString(1, name);
            return read(select).stream().findFirst();
        }
    }

    private static List<AnchorSet> read(PreparedStatement select) throws SQLException {
        List<AnchorSet> sets = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                sets.add(new AnchorSet(rows.getLong("id"), rows.getString("name"), rows.getString("rubric_name"),
                        Sql.emptyIfNull(rows.getString("rubric_version")), Sql.instant(rows, "created_at"),
                        Sql.emptyIfNull(rows.getString("note")), rows.getInt("labels"), rows.getInt("items"),
                        rows.getInt("labellers")));
            }
        }
        return sets;
    }
}
