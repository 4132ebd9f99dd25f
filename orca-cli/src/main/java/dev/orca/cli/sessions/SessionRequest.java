package dev.orca.cli.sessions;

import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.skills.session.SessionName;
import dev.orca.skills.session.SessionStore;
import dev.orca.skills.session.SessionSummary;
import dev.orca.skills.session.SessionsConfig;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a command asked for its run's session: {@code --session NAME} (resume it when it exists,
 * else start it), {@code --resume [NAME]} (it must exist; without a name the most recent), or
 * nothing (a new session with a generated, timestamp-based name). {@link #resolve} turns it into a
 * {@link RunSession} against a home.
 *
 * @param command the command, e.g. {@code repl}; the prefix of generated names
 * @param name the requested name, or {@code null} (generated; with {@code mustExist}, the most
 *     recent session)
 * @param mustExist whether the session must exist ({@code --resume})
 * @param recordCells whether the session's kernel records each cell in {@code history.db}; {@code
 *     false} where the loop records them itself (the orchestrator's ledger, with tokens)
 */
public record SessionRequest(String command, String name, boolean mustExist, boolean recordCells) {

  /** Validates. */
  public SessionRequest {
    Objects.requireNonNull(command, "command");
    if (!command.matches("[a-z]{1,16}")) {
      throw new IllegalArgumentException("command must be 1-16 lower-case letters: " + command);
    }
    if (name != null && name.isBlank()) {
      name = null;
    }
  }

  /**
   * {@code --session NAME}, or a generated name when {@code name} is {@code null}.
   *
   * @param command the command
   * @param name the session's name, or {@code null}
   * @return the request
   */
  public static SessionRequest of(String command, String name) {
    return new SessionRequest(command, name, false, true);
  }

  /**
   * {@code --resume [NAME]}: the session must exist; a blank or {@code null} name means the most
   * recently updated one.
   *
   * @param command the command
   * @param name the session's name, or blank
   * @return the request
   */
  public static SessionRequest resume(String command, String name) {
    return new SessionRequest(command, name, true, true);
  }

  /**
   * The same request for a loop that records its cells in {@code history.db} itself (the
   * orchestrator records each {@code execute_code} cell with the tokens it cost).
   *
   * @return the request
   */
  public SessionRequest recordedByTheLoop() {
    return new SessionRequest(command, name, mustExist, false);
  }

  /**
   * Resolves the request against a home: checks the name, decides whether the run resumes a saved
   * session, reads {@code [sessions]} from {@code config.toml}.
   *
   * @param home the Orca home
   * @return the run's session
   * @throws dev.orca.core.ConfigurationException when the name is invalid, a session to resume does
   *     not exist (the message lists those that do), or {@code [sessions]} is invalid
   */
  public RunSession resolve(OrcaHome home) {
    SessionsConfig config = SessionsConfig.read(home);
    SessionStore store = SessionStore.forHome(home);
    if (mustExist) {
      if (name == null) {
        List<SessionSummary> all = store.list();
        if (all.isEmpty()) {
          throw OrcaException.configuration(
              "There is no saved session to resume in "
                  + store.root()
                  + " yet. Every run is checkpointed as a session after each successful cell;"
                  + " start one with `orca chat` or `orca repl --session NAME`.");
        }
        return new RunSession(all.get(0).name(), true, false, recordCells, config);
      }
      String checked = checkedName(name);
      if (!store.exists(checked)) {
        throw OrcaException.configuration(unknown(store, checked));
      }
      return new RunSession(checked, true, false, recordCells, config);
    }
    if (name == null) {
      return new RunSession(generatedName(store), false, true, recordCells, config);
    }
    String checked = checkedName(name);
    return new RunSession(checked, store.exists(checked), false, recordCells, config);
  }

  private static String checkedName(String name) {
    try {
      return SessionName.check(name);
    } catch (OrcaException e) {
      throw OrcaException.configuration(e.getMessage());
    }
  }

  private static String unknown(SessionStore store, String name) {
    List<String> names = store.list().stream().map(SessionSummary::name).toList();
    return "There is no session named '"
        + name
        + "' in "
        + store.root()
        + (names.isEmpty()
            ? ". There are no saved sessions yet."
            : ". Saved sessions, most recent first: "
                + String.join(", ", names.subList(0, Math.min(20, names.size())))
                + (names.size() > 20 ? ", ..." : "")
                + " (see `orca sessions list`).");
  }

  private String generatedName(SessionStore store) {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    while (true) {
      String candidate =
          command
              + "-"
              + stamp
              + "-"
              + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
      if (!store.exists(candidate)) {
        return candidate;
      }
    }
  }
}
