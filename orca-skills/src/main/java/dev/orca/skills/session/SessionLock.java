package dev.orca.skills.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.OrcaException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one Orca process working in a session: an OS file lock ({@link FileChannel#tryLock()}) on
 * {@code learned_skills/sessions/.locks/<name>.lock}, held for the process's life and released by
 * {@link #close()} or, when the process dies (even by {@code kill -9}), by the operating system. A
 * second process asking for the same session gets a {@link dev.orca.core.ConfigurationException}
 * that names the holder (pid, since when) instead of both checkpointing and the last one silently
 * winning.
 *
 * <p>The lock file lives beside the session directory, not in it: every checkpoint replaces the
 * session directory by a rename ({@link SessionStore}), which would move a lock file inside it
 * away. The file holds the holder's pid, start time and command (for the message only; the lock is
 * what counts) and is deleted when the lock is released.
 *
 * <p>Within one JVM the locks held are kept in a table, so that asking again is answered without
 * opening the file a second time (closing a second channel would release the OS lock on some
 * systems). Thread-safe.
 */
public final class SessionLock implements AutoCloseable {

  /** The directory under the sessions root that holds the lock files. */
  public static final String LOCKS = ".locks";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Map<Path, SessionLock> HELD = new HashMap<>();

  private final Path file;
  private final String session;
  private final FileChannel channel;
  private final FileLock lock;
  private final Object fileKey;
  private final Holder holder;
  private boolean released;

  private SessionLock(
      Path file, String session, FileChannel channel, FileLock lock, Object key, Holder holder) {
    this.file = file;
    this.session = session;
    this.channel = channel;
    this.lock = lock;
    this.fileKey = key;
    this.holder = holder;
  }

  /**
   * Who holds a session's lock.
   *
   * @param pid the holder's process id, or {@code 0} when the lock file did not say
   * @param since when it took the lock, or {@code null} when the lock file did not say
   * @param command the command it runs (e.g. {@code chat}), or {@code ""}
   * @param thisProcess whether the holder is this process
   */
  public record Holder(long pid, Instant since, String command, boolean thisProcess) {
    /** Validates. */
    public Holder {
      command = command == null ? "" : command;
    }

    /** E.g. {@code pid 4242, orca chat, since 2026-11-26T10:15:00Z}. */
    public String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(pid > 0 ? "pid " + pid : "pid unknown");
      if (!command.isEmpty()) {
        sb.append(", orca ").append(command);
      }
      if (since != null) {
        sb.append(", since ").append(since.truncatedTo(ChronoUnit.SECONDS));
      }
      return sb.toString();
    }
  }

  /**
   * The lock file of a session.
   *
   * @param sessionsRoot the sessions directory ({@link SessionStore#root()})
   * @param name the session's name
   * @return {@code sessionsRoot/.locks/<name>.lock}
   */
  public static Path file(Path sessionsRoot, String name) {
    return sessionsRoot.resolve(LOCKS).resolve(SessionName.check(name) + ".lock");
  }

  /**
   * Takes a session's lock for this process.
   *
   * @param sessionsRoot the sessions directory ({@link SessionStore#root()})
   * @param name the session's name
   * @param command the command taking it (e.g. {@code chat}), shown to a second process
   * @return the lock; {@link #close()} releases it
   * @throws dev.orca.core.ConfigurationException when another process (or this one) holds it: the
   *     message names the holder and what to do
   * @throws OrcaException when the lock file cannot be created
   */
  public static SessionLock acquire(Path sessionsRoot, String name, String command) {
    Path file = file(sessionsRoot, name);
    synchronized (HELD) {
      SessionLock mine = HELD.get(file);
      if (mine != null) {
        throw inUse(name, mine.holder);
      }
      try {
        Files.createDirectories(file.getParent());
        for (int attempt = 0; attempt < 20; attempt++) {
          SessionLock taken = tryTake(file, name, command);
          if (taken != null) {
            HELD.put(file, taken);
            return taken;
          }
        }
        throw OrcaException.invalid(
            "Could not take the lock of session '" + name + "' (" + file + "): it kept changing.");
      } catch (IOException e) {
        throw new OrcaException(
            "Could not lock session '"
                + name
                + "' ("
                + file
                + "): "
                + e.getMessage()
                + ". Check that the sessions directory is writable.",
            false,
            e);
      }
    }
  }

  /** One attempt: the lock, or {@code null} when the file was replaced meanwhile (try again). */
  private static SessionLock tryTake(Path file, String name, String command) throws IOException {
    try {
      Files.createFile(file);
    } catch (FileAlreadyExistsException e) {
      // an earlier holder's file (deleted on release, kept after a crash)
    }
    Object before = fileKey(file);
    FileChannel channel;
    try {
      channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    } catch (NoSuchFileException e) {
      return null; // deleted by a holder releasing it
    }
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
    if (lock == null) {
      channel.close();
      throw inUse(name, read(file));
    }
    Object after = fileKey(file);
    if (before != null && !before.equals(after)) {
      // the holder we waited for deleted this file on release: lock the new one
      lock.release();
      channel.close();
      return null;
    }
    Holder me = new Holder(ProcessHandle.current().pid(), Instant.now(), command, true);
    ObjectNode json = JSON.createObjectNode();
    json.put("pid", me.pid()).put("since", me.since().toString()).put("command", me.command());
    channel.truncate(0);
    channel.write(ByteBuffer.wrap(json.toString().getBytes(StandardCharsets.UTF_8)), 0);
    return new SessionLock(file, name, channel, lock, after, me);
  }

  /**
   * Who holds a session's lock, without taking it.
   *
   * @param sessionsRoot the sessions directory ({@link SessionStore#root()})
   * @param name the session's name
   * @return the holder (this process or another), or empty when the session is free
   */
  public static Optional<Holder> holder(Path sessionsRoot, String name) {
    Path file = file(sessionsRoot, name);
    synchronized (HELD) {
      SessionLock mine = HELD.get(file);
      if (mine != null) {
        return Optional.of(mine.holder);
      }
      if (!Files.exists(file)) {
        return Optional.empty();
      }
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        FileLock probe = channel.tryLock();
        if (probe != null) {
          probe.release();
          return Optional.empty();
        }
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (OverlappingFileLockException e) {
        // held in this JVM outside the table: treat as held
      } catch (IOException e) {
        return Optional.empty(); // cannot tell: do not block the caller on an unreadable file
      }
      return Optional.of(read(file));
    }
  }

  /**
   * Fails when another process holds a session (this process holding it is fine).
   *
   * @param sessionsRoot the sessions directory
   * @param name the session's name
   * @param what what was refused, e.g. {@code "saveSessionState(\"work\")"}
   * @throws OrcaException when another process holds it
   */
  public static void checkNotHeldElsewhere(Path sessionsRoot, String name, String what) {
    Optional<Holder> h = holder(sessionsRoot, name);
    if (h.isPresent() && !h.get().thisProcess()) {
      throw OrcaException.invalid(
          what
              + " refused: session '"
              + name
              + "' is in use by another Orca process ("
              + h.get().describe()
              + "), which checkpoints it after every cell. Use another name, or stop that process"
              + " first.");
    }
  }

  private static OrcaException inUse(String name, Holder holder) {
    if (holder.thisProcess()) {
      return OrcaException.configuration(
          "session '" + name + "' is already in use in this process (" + holder.describe() + ").");
    }
    return OrcaException.configuration(
        "session '"
            + name
            + "' is in use by another Orca process ("
            + holder.describe()
            + "); use another --session name or stop that process.");
  }

  private static Holder read(Path file) {
    try {
      JsonNode n = JSON.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (n == null || !n.isObject()) {
        return new Holder(0, null, "", false);
      }
      Instant since = null;
      try {
        since = n.hasNonNull("since") ? Instant.parse(n.get("since").asText()) : null;
      } catch (RuntimeException e) {
        since = null;
      }
      return new Holder(n.path("pid").asLong(0), since, n.path("command").asText(""), false);
    } catch (IOException | RuntimeException e) {
      // being written, or not ours: the lock still counts
      return new Holder(0, null, "", false);
    }
  }

  private static Object fileKey(Path file) throws IOException {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    } catch (NoSuchFileException e) {
      return "missing";
    }
  }

  /** The session this lock is for. */
  public String session() {
    return session;
  }

  /** The lock file. */
  public Path path() {
    return file;
  }

  /** This process, as a second process would see it. */
  public Holder holder() {
    return holder;
  }

  /** Releases the lock and deletes its file. Idempotent. */
  @Override
  public void close() {
    synchronized (HELD) {
      if (released) {
        return;
      }
      released = true;
      HELD.remove(file);
      try {
        // Deleted while still locked, and only when it is still our file: nobody else deletes it.
        if (fileKey != null && Objects.equals(fileKey, fileKey(file))) {
          Files.deleteIfExists(file);
        }
      } catch (IOException e) {
        // left behind: the next holder reuses it
      }
      try {
        lock.release();
      } catch (IOException e) {
        // closing the channel releases it too
      }
      try {
        channel.close();
      } catch (IOException e) {
        // the OS releases it when the process ends
      }
    }
  }
}
