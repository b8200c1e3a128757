package dev.juror.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stored calibration results (migration V4): verdicts, drift alerts and regression-suite runs.
 * Append-only; the newest row of a kind counts. Values arrive as JSON text made by the engine, so
 * the store does not depend on the report's shape.
 */
public final class CalibrationRepository {

    private final Workspace workspace;

    public CalibrationRepository(Workspace workspace) {
        this.workspace = workspace;
    }

    public record StoredVerdict(long id, String rubricName, String rubricVersion, String judgeModel, String run,
                                String status, String conditionsJson, Instant createdAt) {
    }

    public record StoredAlert(long id, String rubricName, String kind, String severity, String subject,
                              Double measured, Double threshold, String message, Instant createdAt) {
    }

    public record StoredRegression(long id, String suiteName, String suiteHash, String rubricVersion, String judgeModel,
                                   int cases, int failed, String resultJson, Instant createdAt) {
    }

    public long saveVerdict(StoredVerdict v) {
        return insert("""
                INSERT INTO calibration_verdicts (rubric_name, rubric_version, judge_model, run_ref, status,
                                                  conditions_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)""",
                v.rubricName(), v.rubricVersion(), v.judgeModel(), v.run(), v.status(), v.conditionsJson(),
                Sql.timestamp(v.createdAt()));
    }

    /** The newest verdict for a rubric version and judge model. */
    public Optional<StoredVerdict> latestVerdict(String rubricVersion, String judgeModel) {
        List<StoredVerdict> rows = new ArrayList<>();
        query("""
                SELECT id, rubric_name, rubric_version, judge_model, run_ref, status, conditions_json, created_at
                FROM calibration_verdicts WHERE rubric_version = ? AND judge_model = ?
                ORDER BY created_at DESC, id DESC LIMIT 1""", r -> rows.add(new StoredVerdict(r.getLong(1),
                r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6), r.getString(7),
                Sql.instant(r, "created_at"))), rubricVersion, judgeModel);
        return rows.stream().findFirst();
    }

    public long saveAlert(StoredAlert a) {
        return insert("""
                INSERT INTO drift_alerts (rubric_name, kind, severity, subject, measured, threshold, message, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", a.rubricName(), a.kind(), a.severity(), a.subject(), a.measured(),
                a.threshold(), a.message(), Sql.timestamp(a.createdAt()));
    }

    public List<StoredAlert> alerts(String rubricName) {
        List<StoredAlert> rows = new ArrayList<>();
        query("""
                SELECT id, rubric_name, kind, severity, subject, measured, threshold, message, created_at
                FROM drift_alerts WHERE rubric_name = ? ORDER BY created_at, id""", r -> rows.add(new StoredAlert(
                r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                r.getObject(6, Double.class), r.getObject(7, Double.class), r.getString(8),
                Sql.instant(r, "created_at"))), rubricName);
        return rows;
    }

    public long saveRegression(StoredRegression s) {
        return insert("""
                INSERT INTO regression_results (suite_name, suite_hash, rubric_version, judge_model, cases, failed,
                                                result_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                s.suiteName(), s.suiteHash(), s.rubricVersion(), s.judgeModel(), s.cases(), s.failed(), s.resultJson(),
                Sql.timestamp(s.createdAt()));
    }

    /** The newest suite run for a rubric version and judge model. */
    public Optional<StoredRegression> latestRegression(String rubricVersion, String judgeModel) {
        List<StoredRegression> rows = new ArrayList<>();
        query("""
                SELECT id, suite_name, suite_hash, rubric_version, judge_model, cases, failed, result_json, created_at
                FROM regression_results WHERE rubric_version = ? AND judge_model = ?
                ORDER BY created_at DESC, id DESC LIMIT 1""", r -> rows.add(new StoredRegression(r.getLong(1),
                r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getInt(6), r.getInt(7),
                r.getString(8), Sql.instant(r, "created_at"))), rubricVersion, judgeModel);
        return rows.stream().findFirst();
    }

    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, RowReader reader, Object... parameters) {
        try (Connection c = workspace.connection(); PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot read calibration results", e);
        }
    }

    private long insert(String sql, Object... parameters) {
        try (Connection c = workspace.connection();
             PreparedStatement insert = c.prepareStatement(sql, new String[] {"id"})) {
            for (int i = 0; i < parameters.length; i++) {
                insert.setObject(i + 1, parameters[i]);
            }
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new StoreException("Cannot store a calibration result", e);
        }
    }
}
