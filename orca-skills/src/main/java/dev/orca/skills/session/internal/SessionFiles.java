package dev.orca.skills.session.internal;

import dev.orca.core.FileTrees;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * File operations that keep a session directory whole: a new version is built in a temporary
 * directory next to it and swapped in by two renames; {@link #recover} repairs the only state a
 * crash can leave (the old version moved aside, the new one complete but not yet renamed).
 */
public final class SessionFiles {
  /** Prefix of a session being written. */
  public static final String TMP = ".tmp~";

  /** Prefix of a session version being replaced. */
  public static final String OLD = ".old~";

  /** Written last into a new version: a version without it is incomplete. */
  public static final String MANIFEST = "manifest.json";

  private SessionFiles() {}

  /** A fresh temporary directory for a new version of {@code name}. */
  public static Path newTemp(Path root, String name) throws IOException {
    Path tmp = root.resolve(TMP + name + "~" + UUID.randomUUID());
    Files.createDirectories(tmp);
    return tmp;
  }

  /**
   * Replaces {@code target} with {@code tmp}: the old version is moved aside, the new one renamed
   * in, the old one deleted.
   */
  public static void swap(Path tmp, Path target, String name) throws IOException {
    Path root = target.getParent();
    Path old = null;
    if (Files.exists(target)) {
      old = root.resolve(OLD + name + "~" + UUID.randomUUID());
      move(target, old);
    }
    move(tmp, target);
    if (old != null) {
      deleteRecursively(old);
    }
  }

  /**
   * Repairs what a crash during {@link #swap} may have left for {@code name} and removes stray
   * temporary directories.
   */
  public static void recover(Path root, String name) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    Path target = root.resolve(name);
    List<Path> temps = strays(root, TMP + name + "~");
    List<Path> olds = strays(root, OLD + name + "~");
    if (!Files.exists(target)) {
      Path complete =
          temps.stream().filter(t -> Files.exists(t.resolve(MANIFEST))).findFirst().orElse(null);
      if (complete != null) {
        move(complete, target);
        temps.remove(complete);
      } else if (!olds.isEmpty()) {
        move(olds.get(0), target);
        olds.remove(0);
      }
    }
    for (Path p : temps) {
      deleteRecursively(p);
    }
    for (Path p : olds) {
      deleteRecursively(p);
    }
  }

  private static List<Path> strays(Path root, String prefix) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(root, p -> p.getFileName().toString().startsWith(prefix))) {
      for (Path p : ds) {
        out.add(p);
      }
    }
    return out;
  }

  /**
   * Links into a new version ({@code to}) the regular files of the current one ({@code from}) that
   * the new version does not have, except {@code except}: files other parts of Orca keep in the
   * session directory (the chat's {@code conversation.jsonl}) survive the swap. Such files must
   * only be appended to or replaced by a rename, never rewritten in place (they may be links).
   *
   * @param from the current version (may not exist)
   * @param to the new version being built
   * @param except names not to carry over (e.g. the manifest, written last)
   */
  public static void carryOver(Path from, Path to, java.util.Set<String> except)
      throws IOException {
    if (!Files.isDirectory(from)) {
      return;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(from, Files::isRegularFile)) {
      for (Path p : ds) {
        String name = p.getFileName().toString();
        if (!name.startsWith(".") && !except.contains(name) && !Files.exists(to.resolve(name))) {
          linkOrCopy(p, to.resolve(name));
        }
      }
    }
  }

  /** Writes a file atomically: a temporary file in the same directory, then a rename. */
  public static void writeAtomically(Path file, byte[] content) throws IOException {
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    Files.write(tmp, content);
    move(tmp, file);
  }

  /** Links {@code existing} as {@code link} (no copy); copies where links are not supported. */
  public static void linkOrCopy(Path existing, Path link) throws IOException {
    try {
      Files.createLink(link, existing);
    } catch (UnsupportedOperationException | FileSystemException e) {
      Files.copy(existing, link, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Deletes a directory tree; missing is fine. */
  public static void deleteRecursively(Path dir) throws IOException {
    FileTrees.delete(dir);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    }
  }
}
