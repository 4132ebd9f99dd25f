package dev.orca.cli.sessions;

import dev.orca.agent.chat.ConversationLog;
import dev.orca.cli.ExitCodes;
import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaHome;
import dev.orca.skills.session.RunningCell;
import dev.orca.skills.session.SavedVariable;
import dev.orca.skills.session.SessionLock;
import dev.orca.skills.session.SessionManifest;
import dev.orca.skills.session.SessionStore;
import dev.orca.skills.session.SessionSummary;
import dev.orca.skills.session.SkillReference;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code orca sessions list|show NAME|delete NAME}: the saved sessions under {@code
 * learned_skills/sessions/}. The work is done by {@link SessionStore}; {@code list} and {@code
 * show} say which sessions an Orca process works in now ({@link SessionLock}), and {@code delete}
 * refuses those.
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
    SessionStore store = store();
    List<SessionSummary> all = store.list();
    if (all.isEmpty()) {
      out.println(
          "No saved sessions. Save one with :save NAME in the REPL or saveSessionState(NAME).");
      return ExitCodes.OK;
    }
    out.printf("%-24s %-20s %5s %8s  %s%n", "NAME", "UPDATED", "VARS", "SIZE", "NOTE");
    for (SessionSummary s : all) {
      Optional<SessionLock.Holder> holder = SessionLock.holder(store.root(), s.name());
      String note =
          holder.isPresent()
              ? "in use (pid " + holder.get().pid() + ")"
              : s.interrupted() ? "a cell was running when it stopped" : "";
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
    Optional<SessionLock.Holder> holder = SessionLock.holder(store.root(), name);
    holder.ifPresent(h -> out.println("in use:      by " + h.describe()));
    Path conversation = store.directory(name).resolve(ConversationLog.FILE);
    if (Files.exists(conversation)) {
      out.println(
          "chat:        " + conversation + " (restored by orca chat --resume " + name + ")");
    }
    Optional<RunningCell> running = store.running(name);
    if (holder.isEmpty()) {
      // while a process works in it, running.json is its current cell, not a lost one
      running.ifPresent(r -> out.println("interrupted: " + r.describe()));
    }
    return ExitCodes.OK;
  }

  /** {@code orca sessions delete NAME}. */
  @Command(name = "delete", description = "Delete a saved session.")
  public int delete(@Parameters(paramLabel = "NAME", description = "the session") String name) {
    SessionStore store = store();
    // Held while deleting: a process starting on this session meanwhile waits for nothing and
    // is refused, and one working in it now makes this refuse.
    SessionLock lock;
    try {
      lock = SessionLock.acquire(store.root(), name, "sessions delete");
    } catch (ConfigurationException e) {
      Optional<SessionLock.Holder> holder = SessionLock.holder(store.root(), name);
      System.err.println(
          "orca: session '"
              + name
              + "' is in use by another Orca process ("
              + holder.map(SessionLock.Holder::describe).orElse("pid unknown")
              + "), so it was not deleted; stop that process first.");
      return ExitCodes.FAILED;
    }
    try (lock) {
      if (store.delete(name)) {
        System.out.println("Deleted session '" + name + "'.");
        return ExitCodes.OK;
      }
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
