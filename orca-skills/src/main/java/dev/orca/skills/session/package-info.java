/**
 * Saved sessions: a kernel's state as data under {@code learned_skills/sessions/<name>/}.
 *
 * <p>{@link dev.orca.skills.session.SessionStore} writes and reads the files (atomically, and only
 * what changed); {@link dev.orca.skills.session.SessionService} saves a kernel and loads a session
 * into one; {@link dev.orca.skills.session.SessionCheckpointer} checkpoints after every cell;
 * {@link dev.orca.skills.session.SessionLoader} defers a load requested by a running cell until the
 * cell ends; {@link dev.orca.skills.session.SessionBridgeHandlers} answers the kernel built-ins;
 * {@link dev.orca.skills.session.SessionLock} keeps a session to one process at a time.
 */
package dev.orca.skills.session;
