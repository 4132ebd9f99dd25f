package dev.orca.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Deleting directory trees (sessions being replaced, caches being pruned). Symbolic links are
 * deleted, never followed.
 */
public final class FileTrees {
  private FileTrees() {}

  /**
   * Deletes a file or a directory tree; a missing one is fine.
   *
   * @param root what to delete
   * @throws IOException the first file that could not be deleted
   */
  public static void delete(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.deleteIfExists(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /**
   * Deletes what it can of a file or directory tree, for clean-ups that a later run retries.
   *
   * @param root what to delete
   * @return whether nothing of it is left
   */
  public static boolean deleteQuietly(Path root) {
    try {
      delete(root);
    } catch (IOException | UncheckedIOException e) {
      // Left for the next clean-up.
    }
    return !Files.exists(root, LinkOption.NOFOLLOW_LINKS);
  }
}
