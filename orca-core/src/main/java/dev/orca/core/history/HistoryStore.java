package dev.orca.core.history;

import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.core.history.internal.SchemaMigrations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sqlite.SQLiteConfig;

/**
 * Orca's history: {@code HOME/history.db}, an SQLite database of executions, model turns, tool
 * calls, sub-agent calls and skill events.
 *
 * <p>Open one store per process ({@link #open(OrcaHome)}) and share it: it is thread-safe (one
 * connection, calls serialized), cheap to call (cached prepared statements, WAL journal, no fsync
 * per insert), and several processes may use the same file at once. The schema is versioned and
 * migrated on open ({@link #schemaVersion()}).
 *
 * <p>Every text field is passed through a {@link SecretRedactor} before it is written: an API key
 * that ends up in a cell, an error message or skill details is never stored.
 *
 * <p>Failures of the database are thrown as retriable {@link OrcaException}s; callers that must not
 * fail because of bookkeeping may catch them.
 */
public final class HistoryStore implements AutoCloseable {

  private static final String EXECUTION_COLUMNS =
      "id, at, session_id, code, fingerprint, duration_ms, outcome, tokens";
  private static final String TURN_COLUMNS =
      "id, at, session_id, step, provider, model, input_tokens, output_tokens, estimated,"
          + " latency_ms";
  private static final String TOOL_COLUMNS =
      "id, at, session_id, tool_id, args_bytes, result_bytes, duration_ms, outcome, error";
  private static final String SUBAGENT_COLUMNS =
      "id, at, session_id, name, input_tokens, output_tokens, latency_ms, outcome, error";
  private static final String SKILL_COLUMNS =
      "id, at, session_id, skill, version, type, details, tokens_spent, tokens_saved";

  private final Connection connection;
  private final SecretRedactor redactor;
  private final String description;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private boolean closed;

  private HistoryStore(Connection connection, SecretRedactor redactor, String description) {
    this.connection = connection;
    this.redactor = redactor;
    this.description = description;
  }

  /**
   * Opens (creating and migrating if needed) the home's {@code history.db}.
   *
   * @param home the Orca home
   * @return the store
   * @throws OrcaException when the database cannot be opened or is from a newer Orca
   */
  public static HistoryStore open(OrcaHome home) {
    return open(home.historyDb(), SecretRedactor.fromEnvironment());
  }

  /**
   * Opens (creating and migrating if needed) a history database file.
   *
   * @param file the SQLite file
   * @param redactor what removes secrets before writing
   * @return the store
   * @throws OrcaException when the database cannot be opened or is from a newer Orca
   */
  public static HistoryStore open(Path file, SecretRedactor redactor) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(redactor, "redactor");
    Path abs = file.toAbsolutePath().normalize();
    try {
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
    } catch (IOException e) {
      throw OrcaException.configuration(
          "Cannot create the directory for " + abs + " (" + e.getMessage() + ").");
    }
    SQLiteConfig config = baseConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    return connect("jdbc:sqlite:" + abs, config, redactor, abs.toString(), true);
  }

  /**
   * A store in memory, for tests and for runs that must not touch the disk.
   *
   * @param redactor what removes secrets before writing
   * @return the store
   */
  public static HistoryStore inMemory(SecretRedactor redactor) {
    return connect("jdbc:sqlite::memory:", baseConfig(), redactor, ":memory:", true);
  }

  /**
   * Opens a database file without migrating it beyond {@code version}: for testing upgrades.
   *
   * @param file the SQLite file
   * @param version the schema version to stop at
   * @return the store, at {@code version} or at the file's own version if newer
   */
  static HistoryStore openAtVersion(Path file, int version) {
    SQLiteConfig config = baseConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    HistoryStore store =
        connect(
            "jdbc:sqlite:" + file.toAbsolutePath(),
            config,
            new SecretRedactor(Map.of()),
            file.toString(),
            false);
    SchemaMigrations.migrate(store.connection, version);
    return store;
  }

  private static SQLiteConfig baseConfig() {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(10_000);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    config.enforceForeignKeys(true);
    return config;
  }

  private static HistoryStore connect(
      String url, SQLiteConfig config, SecretRedactor redactor, String what, boolean migrate) {
    Connection connection;
    try {
      connection = config.createConnection(url);
    } catch (SQLException e) {
      throw OrcaException.configuration(
          "Cannot open the history database " + what + ": " + e.getMessage());
    }
    try {
      if (migrate) {
        SchemaMigrations.migrate(connection, SchemaMigrations.latestVersion());
      }
      return new HistoryStore(connection, redactor, what);
    } catch (RuntimeException e) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  /** The schema version of the open database. */
  public synchronized int schemaVersion() {
    try {
      return SchemaMigrations.currentVersion(connection);
    } catch (SQLException e) {
      throw failure("read the schema version", e);
    }
  }

  // ---------------------------------------------------------------- writes

  /**
   * Records a cell run.
   *
   * @param r the execution
   * @return its row id
   */
  public long recordExecution(ExecutionRecord r) {
    Objects.requireNonNull(r, "record");
    return insert(
        "INSERT INTO executions (at, session_id, code, fingerprint, duration_ms, outcome, tokens)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
        r.at().toEpochMilli(),
        redactor.redact(r.sessionId()),
        redactor.redact(r.code()),
        r.fingerprint(),
        r.durationMs(),
        r.outcome().dbValue(),
        r.tokens());
  }

  /**
   * Records a model turn.
   *
   * @param r the turn
   * @return its row id
   */
  public long recordModelTurn(ModelTurnRecord r) {
    Objects.requireNonNull(r, "record");
    return insert(
        "INSERT INTO model_turns (at, session_id, step, provider, model, input_tokens,"
            + " output_tokens, estimated, latency_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.at().toEpochMilli(),
        redactor.redact(r.sessionId()),
        r.step(),
        redactor.redact(r.provider()),
        redactor.redact(r.model()),
        r.inputTokens(),
        r.outputTokens(),
        r.estimated() ? 1 : 0,
        r.latencyMs());
  }

  /**
   * Records a tool call.
   *
   * @param r the call
   * @return its row id
   */
  public long recordToolCall(ToolCallRecord r) {
    Objects.requireNonNull(r, "record");
    return insert(
        "INSERT INTO tool_calls (at, session_id, tool_id, args_bytes, result_bytes, duration_ms,"
            + " outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        r.at().toEpochMilli(),
        redactor.redact(r.sessionId()),
        redactor.redact(r.toolId()),
        r.argsBytes(),
        r.resultBytes(),
        r.durationMs(),
        r.outcome().dbValue(),
        redactor.redact(r.error()));
  }

  /**
   * Records a sub-agent call.
   *
   * @param r the call
   * @return its row id
   */
  public long recordSubagentCall(SubagentCallRecord r) {
    Objects.requireNonNull(r, "record");
    return insert(
        "INSERT INTO subagent_calls (at, session_id, name, input_tokens, output_tokens,"
            + " latency_ms, outcome, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        r.at().toEpochMilli(),
        redactor.redact(r.sessionId()),
        redactor.redact(r.name()),
        r.inputTokens(),
        r.outputTokens(),
        r.latencyMs(),
        r.outcome().dbValue(),
        redactor.redact(r.error()));
  }

  /**
   * Records a skill event.
   *
   * @param r the event
   * @return its row id
   */
  public long recordSkillEvent(SkillEventRecord r) {
    Objects.requireNonNull(r, "record");
    return insert(
        "INSERT INTO skill_events (at, session_id, skill, version, type, details, tokens_spent,"
            + " tokens_saved) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        r.at().toEpochMilli(),
        redactor.redact(r.sessionId()),
        redactor.redact(r.skill()),
        redactor.redact(r.version()),
        r.type().dbValue(),
        redactor.redact(r.detailsJson()),
        r.tokensSpent(),
        r.tokensSaved());
  }

  /**
   * Stores computed fingerprints for executions (the analysis fills in missing ones).
   *
   * @param fingerprintsById fingerprint per execution row id
   * @return how many rows were updated
   */
  public synchronized int storeFingerprints(Map<Long, String> fingerprintsById) {
    if (fingerprintsById.isEmpty()) {
      return 0;
    }
    try {
      connection.setAutoCommit(false);
      int updated = 0;
      try {
        PreparedStatement ps = prepare("UPDATE executions SET fingerprint = ? WHERE id = ?");
        for (Map.Entry<Long, String> e : fingerprintsById.entrySet()) {
          ps.setString(1, e.getValue());
          ps.setLong(2, e.getKey());
          updated += ps.executeUpdate();
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
      return updated;
    } catch (SQLException e) {
      throw failure("store fingerprints", e);
    }
  }

  // ---------------------------------------------------------------- reads

  /** A session's executions, oldest first. */
  public List<Stored<ExecutionRecord>> executions(String sessionId) {
    return query(
        "SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE session_id = ? ORDER BY id",
        HistoryStore::execution,
        sessionId);
  }

  /** The latest {@code limit} executions of all sessions, oldest first. */
  public List<Stored<ExecutionRecord>> recentExecutions(int limit) {
    return query(
        "SELECT * FROM (SELECT "
            + EXECUTION_COLUMNS
            + " FROM executions ORDER BY id DESC LIMIT ?) ORDER BY id",
        HistoryStore::execution,
        positive(limit));
  }

  /** Executions with a given fingerprint, oldest first. */
  public List<Stored<ExecutionRecord>> executionsWithFingerprint(String fingerprint) {
    return query(
        "SELECT " + EXECUTION_COLUMNS + " FROM executions WHERE fingerprint = ? ORDER BY id",
        HistoryStore::execution,
        fingerprint);
  }

  /** A session's model turns, oldest first. */
  public List<Stored<ModelTurnRecord>> modelTurns(String sessionId) {
    return query(
        "SELECT " + TURN_COLUMNS + " FROM model_turns WHERE session_id = ? ORDER BY id",
        HistoryStore::turn,
        sessionId);
  }

  /** Token totals of a session's model turns. */
  public TokenTotals tokenTotals(String sessionId) {
    List<TokenTotals> rows =
        query(
            "SELECT COUNT(*), COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),"
                + " COALESCE(SUM(estimated), 0) FROM model_turns WHERE session_id = ?",
            HistoryStore::totals,
            sessionId);
    return rows.get(0);
  }

  /** Token totals of every model turn recorded. */
  public TokenTotals tokenTotals() {
    return query(
            "SELECT COUNT(*), COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0),"
                + " COALESCE(SUM(estimated), 0) FROM model_turns",
            HistoryStore::totals)
        .get(0);
  }

  /** A session's tool calls, oldest first. */
  public List<Stored<ToolCallRecord>> toolCalls(String sessionId) {
    return query(
        "SELECT " + TOOL_COLUMNS + " FROM tool_calls WHERE session_id = ? ORDER BY id",
        HistoryStore::toolCall,
        sessionId);
  }

  /** The latest {@code limit} tool calls of all sessions, oldest first. */
  public List<Stored<ToolCallRecord>> recentToolCalls(int limit) {
    return query(
        "SELECT * FROM (SELECT "
            + TOOL_COLUMNS
            + " FROM tool_calls ORDER BY id DESC LIMIT ?) ORDER BY id",
        HistoryStore::toolCall,
        positive(limit));
  }

  /** A session's sub-agent calls, oldest first. */
  public List<Stored<SubagentCallRecord>> subagentCalls(String sessionId) {
    return query(
        "SELECT " + SUBAGENT_COLUMNS + " FROM subagent_calls WHERE session_id = ? ORDER BY id",
        HistoryStore::subagentCall,
        sessionId);
  }

  /** The latest {@code limit} sub-agent calls of all sessions, oldest first. */
  public List<Stored<SubagentCallRecord>> recentSubagentCalls(int limit) {
    return query(
        "SELECT * FROM (SELECT "
            + SUBAGENT_COLUMNS
            + " FROM subagent_calls ORDER BY id DESC LIMIT ?) ORDER BY id",
        HistoryStore::subagentCall,
        positive(limit));
  }

  /** One skill's events, oldest first. */
  public List<Stored<SkillEventRecord>> skillEvents(String skill) {
    return query(
        "SELECT " + SKILL_COLUMNS + " FROM skill_events WHERE skill = ? ORDER BY id",
        HistoryStore::skillEvent,
        skill);
  }

  /** The latest {@code limit} events of one type, oldest first. */
  public List<Stored<SkillEventRecord>> skillEvents(SkillEventType type, int limit) {
    return query(
        "SELECT * FROM (SELECT "
            + SKILL_COLUMNS
            + " FROM skill_events WHERE type = ? ORDER BY id DESC LIMIT ?) ORDER BY id",
        HistoryStore::skillEvent,
        type.dbValue(),
        positive(limit));
  }

  /** Per skill: uses, tokens spent creating it, tokens saved; most saved first. */
  public List<SkillSavings> skillSavings() {
    return query(
        "SELECT skill, SUM(CASE WHEN type = 'used' THEN 1 ELSE 0 END), SUM(tokens_spent),"
            + " SUM(tokens_saved) FROM skill_events GROUP BY skill"
            + " ORDER BY SUM(tokens_saved) DESC, skill",
        rs -> new SkillSavings(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
  }

  /** The {@code limit} most recently active sessions, most recent first. */
  public List<SessionActivity> sessions(int limit) {
    List<Object[]> rows =
        query(
            "SELECT session_id, MIN(first_at), MAX(last_at), SUM(execs), SUM(tools) FROM ("
                + " SELECT session_id, MIN(at) first_at, MAX(at) last_at, COUNT(*) execs,"
                + " 0 tools FROM executions GROUP BY session_id"
                + " UNION ALL SELECT session_id, MIN(at), MAX(at), 0, COUNT(*) FROM tool_calls"
                + " GROUP BY session_id"
                + " UNION ALL SELECT session_id, MIN(at), MAX(at), 0, 0 FROM model_turns"
                + " GROUP BY session_id)"
                + " GROUP BY session_id ORDER BY MAX(last_at) DESC LIMIT ?",
            rs ->
                new Object[] {
                  rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)
                },
            positive(limit));
    List<SessionActivity> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      String id = (String) row[0];
      out.add(
          new SessionActivity(
              id,
              Instant.ofEpochMilli((Long) row[1]),
              Instant.ofEpochMilli((Long) row[2]),
              (Long) row[3],
              (Long) row[4],
              tokenTotals(id)));
    }
    return out;
  }

  /** Closes the database. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
    statements.clear();
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing left to do
    }
  }

  @Override
  public String toString() {
    return "HistoryStore[" + description + "]";
  }

  // ---------------------------------------------------------------- plumbing

  /** Runs raw SQL: for tests and migrations only. */
  synchronized void executeRaw(String sql) {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw failure("run " + sql, e);
    }
  }

  private synchronized long insert(String sql, Object... args) {
    try {
      PreparedStatement ps = prepare(sql);
      bind(ps, args);
      ps.executeUpdate();
      try (Statement st = connection.createStatement();
          ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw failure("write to history", e);
    }
  }

  private synchronized <T> List<T> query(String sql, RowMapper<T> mapper, Object... args) {
    try {
      PreparedStatement ps = prepare(sql);
      bind(ps, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(mapper.map(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read history", e);
    }
  }

  private PreparedStatement prepare(String sql) throws SQLException {
    if (closed) {
      throw new OrcaException("The history store " + description + " is closed.", false, null);
    }
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a == null) {
        ps.setNull(i + 1, Types.VARCHAR);
      } else if (a instanceof String s) {
        ps.setString(i + 1, s);
      } else if (a instanceof Integer n) {
        ps.setInt(i + 1, n);
      } else if (a instanceof Long n) {
        ps.setLong(i + 1, n);
      } else {
        throw new IllegalArgumentException("unsupported parameter type " + a.getClass());
      }
    }
  }

  private static int positive(int limit) {
    if (limit < 1) {
      throw OrcaException.invalid("limit must be at least 1, was " + limit + ".");
    }
    return limit;
  }

  private OrcaException failure(String what, SQLException e) {
    return OrcaException.transientFailure(
        "Could not " + what + " in " + description + ": " + e.getMessage(), e);
  }

  @FunctionalInterface
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private static Instant at(ResultSet rs) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong("at"));
  }

  private static Stored<ExecutionRecord> execution(ResultSet rs) throws SQLException {
    return new Stored<>(
        rs.getLong("id"),
        new ExecutionRecord(
            at(rs),
            rs.getString("session_id"),
            rs.getString("code"),
            rs.getString("fingerprint"),
            rs.getLong("duration_ms"),
            Outcome.fromDb(rs.getString("outcome")),
            rs.getLong("tokens")));
  }

  private static Stored<ModelTurnRecord> turn(ResultSet rs) throws SQLException {
    return new Stored<>(
        rs.getLong("id"),
        new ModelTurnRecord(
            at(rs),
            rs.getString("session_id"),
            rs.getInt("step"),
            rs.getString("provider"),
            rs.getString("model"),
            rs.getLong("input_tokens"),
            rs.getLong("output_tokens"),
            rs.getInt("estimated") != 0,
            rs.getLong("latency_ms")));
  }

  private static Stored<ToolCallRecord> toolCall(ResultSet rs) throws SQLException {
    return new Stored<>(
        rs.getLong("id"),
        new ToolCallRecord(
            at(rs),
            rs.getString("session_id"),
            rs.getString("tool_id"),
            rs.getLong("args_bytes"),
            rs.getLong("result_bytes"),
            rs.getLong("duration_ms"),
            Outcome.fromDb(rs.getString("outcome")),
            rs.getString("error")));
  }

  private static Stored<SubagentCallRecord> subagentCall(ResultSet rs) throws SQLException {
    return new Stored<>(
        rs.getLong("id"),
        new SubagentCallRecord(
            at(rs),
            rs.getString("session_id"),
            rs.getString("name"),
            rs.getLong("input_tokens"),
            rs.getLong("output_tokens"),
            rs.getLong("latency_ms"),
            Outcome.fromDb(rs.getString("outcome")),
            rs.getString("error")));
  }

  private static Stored<SkillEventRecord> skillEvent(ResultSet rs) throws SQLException {
    return new Stored<>(
        rs.getLong("id"),
        new SkillEventRecord(
            at(rs),
            rs.getString("session_id"),
            rs.getString("skill"),
            rs.getString("version"),
            SkillEventType.fromDb(rs.getString("type")),
            rs.getString("details"),
            rs.getLong("tokens_spent"),
            rs.getLong("tokens_saved")));
  }

  private static TokenTotals totals(ResultSet rs) throws SQLException {
    return new TokenTotals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
  }
}
