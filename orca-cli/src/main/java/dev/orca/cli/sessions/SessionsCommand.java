package dev.orca.cli.sessions;

import dev.orca.cli.ExitCodes;
import dev.orca.core.OrcaHome;
import dev.orca.skills.session.RunningCell;
import dev.orca.skills.session.SavedVariable;
import dev.orca.skills.session.SessionManifest;
import dev.orca.skills.session.SessionStore;
import dev.orca.skills.session.SessionSummary;
import dev.orca.skills.session.SkillReference;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orca sessions list|show NAME|delete NAME}: the saved sessions under {@code
 * learned_skills/sessions/}. The work is done by {@link SessionStore}.
 */
@Command(
    name = "sessions",
    mixinStandardHelpOptions = true,
    description = "List, show or delete saved sessions (learned_skills/sessions/).",
    subcommandsRepeatable = false)
public final class SessionsCommand implements Runnable {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      scope = picocli.CommandLine.ScopeType.INHERIT,
      description = "Orca home (default: $ORCA_HOME, else ~/.orca).")
  Path home;

  private SessionStore store() {
    return SessionStore.forHome(OrcaHome.resolve(home, System.getenv()).create());
  }

  @Override
  public void run() {
    list();
  }

  /** {@code orca sessions list}. */
  @Command(name = "list", description = "List saved sessions, most recent first.")
  public int list() {
    PrintStream out = System.out;
    List<SessionSummary> all = store().list();
    if (all.isEmpty()) {
      out.println(
          "No saved sessions. Save one with :save NAME in the REPL or saveSessionState(NAME).");
      return ExitCodes.OK;
    }
    out.printf("%-24s %-20s %5s %8s  %s%n", "NAME", "UPDATED", "VARS", "SIZE", "NOTE");
    for (SessionSummary s : all) {
      String note = s.interrupted() ? "a cell was running when it stopped" : "";
      if (s.notRestorable() > 0) {
        note = (note.isEmpty() ? "" : note + "; ") + s.notRestorable() + " not restorable";
      }
      out.printf(
          "%-24s %-20s %5d %8s  %s%n",
          s.name(),
          s.updated().toString().substring(0, 19).replace('T', ' '),
          s.variables(),
          size(s.bytes()),
          note);
    }
    return ExitCodes.OK;
  }

  /** {@code orca sessions show NAME}. */
  @Command(name = "show", description = "Show a session's variables, definitions and skills.")
  public int show(@Parameters(paramLabel = "NAME", description = "the session") String name) {
    SessionStore store = store();
    Optional<SessionManifest> found = store.manifest(name);
    if (found.isEmpty()) {
      System.err.println("orca: no session named '" + name + "' (see: orca sessions list)");
      return ExitCodes.FAILED;
    }
    SessionManifest m = found.get();
    PrintStream out = System.out;
    out.println("session:     " + m.name());
    out.println("path:        " + store.directory(name));
    out.println("created:     " + m.created());
    out.println("updated:     " + m.updated());
    out.println("orca:        " + m.orcaVersion());
    out.println("definitions: " + m.definitions());
    out.println("variables:   " + m.variables().size() + " (" + size(m.valueBytes()) + ")");
    for (SavedVariable v : m.variables()) {
      out.printf("  %-20s %-28s %s%n", v.name(), v.type(), v.describeHow());
    }
    if (!m.skills().isEmpty()) {
      out.println("skills:");
      for (SkillReference r : m.skills()) {
        out.println("  " + r.kind() + " " + r.name() + " @ " + r.version() + " (" + r.path() + ")");
      }
    }
    Optional<RunningCell> running = store.running(name);
    running.ifPresent(r -> out.println("interrupted: " + r.describe()));
    return ExitCodes.OK;
  }

  /** {@code orca sessions delete NAME}. */
  @Command(name = "delete", description = "Delete a saved session.")
  public int delete(@Parameters(paramLabel = "NAME", description = "the session") String name) {
    if (store().delete(name)) {
      System.out.println("Deleted session '" + name + "'.");
      return ExitCodes.OK;
    }
    System.err.println("orca: no session named '" + name + "' (see: orca sessions list)");
    return ExitCodes.FAILED;
  }

  private static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return bytes / 1024 + " KiB";
    }
    return String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
  }
}
