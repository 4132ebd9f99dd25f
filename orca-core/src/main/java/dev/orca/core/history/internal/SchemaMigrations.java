package dev.orca.core.history.internal;

import dev.orca.core.OrcaException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The ordered migrations of {@code history.db} and the code that applies them.
 *
 * <p>The current version is the highest row of {@code schema_version}. Each step runs in its own
 * transaction together with its {@code schema_version} row, so a crash leaves the database at a
 * whole version. A database newer than this code knows is refused with a clear message instead of
 * being written to.
 */
public final class SchemaMigrations {

  /** Every migration, in order; the last one's version is {@link #latestVersion()}. */
  public static final List<Migration> ALL =
      List.of(
          new Migration(
              1,
              "executions, model turns, tool calls, sub-agent calls",
              List.of(
                  "CREATE TABLE executions (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " at INTEGER NOT NULL, session_id TEXT NOT NULL, code TEXT NOT NULL,"
                      + " fingerprint TEXT, duration_ms INTEGER NOT NULL, outcome TEXT NOT NULL,"
                      + " tokens INTEGER NOT NULL DEFAULT 0)",
                  "CREATE INDEX executions_session ON executions(session_id, id)",
                  "CREATE TABLE model_turns (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " at INTEGER NOT NULL, session_id TEXT NOT NULL, step INTEGER NOT NULL,"
                      + " provider TEXT NOT NULL, model TEXT NOT NULL,"
                      + " input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,"
                      + " estimated INTEGER NOT NULL, latency_ms INTEGER NOT NULL)",
                  "CREATE INDEX model_turns_session ON model_turns(session_id, id)",
                  "CREATE TABLE tool_calls (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " at INTEGER NOT NULL, session_id TEXT NOT NULL, tool_id TEXT NOT NULL,"
                      + " args_bytes INTEGER NOT NULL, result_bytes INTEGER NOT NULL,"
                      + " duration_ms INTEGER NOT NULL, outcome TEXT NOT NULL)",
                  "CREATE INDEX tool_calls_session ON tool_calls(session_id, id)",
                  "CREATE TABLE subagent_calls (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " at INTEGER NOT NULL, session_id TEXT NOT NULL, name TEXT NOT NULL,"
                      + " input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL,"
                      + " latency_ms INTEGER NOT NULL, outcome TEXT NOT NULL, error TEXT)",
                  "CREATE INDEX subagent_calls_session ON subagent_calls(session_id, id)")),
          new Migration(
              2,
              "skill events, tool call errors, analysis indexes",
              List.of(
                  "CREATE TABLE skill_events (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      + " at INTEGER NOT NULL, session_id TEXT, skill TEXT NOT NULL,"
                      + " version TEXT NOT NULL, type TEXT NOT NULL, details TEXT NOT NULL,"
                      + " tokens_spent INTEGER NOT NULL DEFAULT 0,"
                      + " tokens_saved INTEGER NOT NULL DEFAULT 0)",
                  "CREATE INDEX skill_events_skill ON skill_events(skill, type)",
                  "CREATE INDEX skill_events_type ON skill_events(type)",
                  "ALTER TABLE tool_calls ADD COLUMN error TEXT",
                  "CREATE INDEX executions_fingerprint ON executions(fingerprint)",
                  "CREATE INDEX tool_calls_tool ON tool_calls(tool_id)",
                  "CREATE INDEX subagent_calls_name ON subagent_calls(name)")));

  private SchemaMigrations() {}

  /** The version this code writes. */
  public static int latestVersion() {
    return ALL.get(ALL.size() - 1).version();
  }

  /**
   * Reads the database's schema version.
   *
   * @param connection an open connection
   * @return the version, {@code 0} for an empty database
   * @throws SQLException on a database error
   */
  public static int currentVersion(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY,"
              + " description TEXT NOT NULL, applied_at INTEGER NOT NULL)");
      try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /**
   * Brings the database up to {@code target}, applying each missing step in order.
   *
   * @param connection an open connection in auto-commit mode
   * @param target the version wanted (usually {@link #latestVersion()})
   * @return the version after migrating
   * @throws OrcaException when the database is newer than this code or a step fails
   */
  public static int migrate(Connection connection, int target) {
    if (target < 0 || target > latestVersion()) {
      throw new IllegalArgumentException(
          "target version " + target + " is not between 0 and " + latestVersion());
    }
    try {
      int version = currentVersion(connection);
      if (version > latestVersion()) {
        throw OrcaException.configuration(
            "history.db has schema version "
                + version
                + " but this Orca knows versions up to "
                + latestVersion()
                + ". It was written by a newer Orca: upgrade Orca, or use another --home.");
      }
      for (Migration step : ALL) {
        if (step.version() <= version || step.version() > target) {
          continue;
        }
        apply(connection, step);
        version = step.version();
      }
      return version;
    } catch (SQLException e) {
      throw new OrcaException(
          "Could not migrate history.db: " + e.getMessage() + ". Is it a valid SQLite file?",
          false,
          e);
    }
  }

  private static void apply(Connection connection, Migration step) throws SQLException {
    connection.setAutoCommit(false);
    try (Statement st = connection.createStatement()) {
      // Another process may have applied this step while we waited for the write lock.
      if (currentVersion(connection) >= step.version()) {
        connection.commit();
        return;
      }
      for (String sql : step.statements()) {
        st.execute(sql);
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
        ps.setInt(1, step.version());
        ps.setString(2, step.description());
        ps.setLong(3, System.currentTimeMillis());
        ps.executeUpdate();
      }
      connection.commit();
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }
}
