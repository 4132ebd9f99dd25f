package dev.orca.kernelagent.policy;

import java.util.Objects;

/**
 * What the policy does with one member reference in kernel code.
 *
 * @param kind allow, deny, check path arguments, redirect to a guard, or construct a guarded
 *     subclass instead
 * @param message the refusal for {@link Kind#DENY}, otherwise empty
 * @param target the guard class (internal name) for {@link Kind#REDIRECT} and {@link
 *     Kind#REDIRECT_NEW}, otherwise empty
 * @param level for {@link Kind#CHECK}: which {@code WorkspaceGuard} check runs on path arguments
 * @param receiver for {@link Kind#CHECK}: whether the receiver (a {@code File} or {@code Path}) is
 *     checked too
 * @param nameArgs for {@link Kind#CHECK}: bit i set when parameter i is a file name string
 */
record Action(
    Kind kind, String message, String target, Level level, boolean receiver, int nameArgs) {

  /** The kinds of action. */
  enum Kind {
    ALLOW,
    DENY,
    CHECK,
    REDIRECT,
    REDIRECT_NEW
  }

  /** Which check a path argument gets. */
  enum Level {
    CHECK("check", "checkName"),
    OPEN("open", "openName"),
    WRITE("write", "writeName");

    final String pathMethod;
    final String nameMethod;

    Level(String pathMethod, String nameMethod) {
      this.pathMethod = pathMethod;
      this.nameMethod = nameMethod;
    }
  }

  static final Action ALLOW = new Action(Kind.ALLOW, "", "", Level.CHECK, false, 0);

  /** Validates. */
  Action {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(level, "level");
  }

  static Action deny(String message) {
    return new Action(Kind.DENY, message, "", Level.CHECK, false, 0);
  }

  static Action check(Level level) {
    return new Action(Kind.CHECK, "", "", level, false, 0);
  }

  static Action checkReceiver(Level level) {
    return new Action(Kind.CHECK, "", "", level, true, 0);
  }

  static Action checkName(Level level, int paramIndex) {
    return new Action(Kind.CHECK, "", "", level, false, 1 << paramIndex);
  }

  static Action redirect(String guardClass) {
    return new Action(Kind.REDIRECT, "", guardClass, Level.CHECK, false, 0);
  }

  static Action redirectNew(String guardClass) {
    return new Action(Kind.REDIRECT_NEW, "", guardClass, Level.CHECK, false, 0);
  }

  boolean allowed() {
    return kind == Kind.ALLOW;
  }
}
