package dev.orca.cli.sessions;

import dev.orca.skills.session.SessionName;
import dev.orca.skills.session.SessionsConfig;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The session one run of a command works in: its name, whether the run starts by resuming it, and
 * the {@code [sessions]} settings. Made by {@link SessionRequest#resolve}.
 *
 * @param name the session's name (a directory under {@code learned_skills/sessions/})
 * @param resume whether the run starts by loading the saved session into its fresh kernel
 * @param generated whether the name was generated ({@code [sessions] keep} applies to these only)
 * @param recordCells whether the kernel records each cell in {@code history.db}
 * @param config {@code [sessions] keep} and {@code checkpoint}
 */
public record RunSession(
    String name, boolean resume, boolean generated, boolean recordCells, SessionsConfig config) {

  private static final Pattern GENERATED = Pattern.compile("[a-z]{1,16}-\\d{8}-\\d{6}-[0-9a-f]{4}");

  /** Validates. */
  public RunSession {
    SessionName.check(name);
    Objects.requireNonNull(config, "config");
  }

  /**
   * Whether a name looks generated ({@code repl-20261126-101500-3f2a}): retention ({@code
   * [sessions] keep}) deletes only such sessions, so a session a person named is kept until it is
   * deleted ({@code orca sessions delete NAME}).
   *
   * @param name a session's name
   * @return whether it was generated for a run
   */
  public static boolean isGenerated(String name) {
    return name != null && GENERATED.matcher(name).matches();
  }

  /** One line for stderr, e.g. {@code session repl-20261126-101500-3f2a (new)}. */
  public String describe() {
    return "session "
        + name
        + (resume ? " (resumed)" : " (new)")
        + (config.checkpoint() ? "" : ", auto-checkpoints off ([sessions] checkpoint = false)");
  }
}
