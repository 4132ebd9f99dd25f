package dev.orca.kernel.cds;

import dev.orca.core.FileTrees;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The files of the start-up cache directory: failure records, last-use stamps, pruning, deletion,
 * and what a running process has mapped ({@code /proc/PID/maps}).
 */
final class CacheFiles {
  private static final Logger LOG = Logger.getLogger(CacheFiles.class.getName());

  /** How long a build that failed for good (or an entry a kernel failed with) is not retried. */
  static final Duration RETRY_AFTER_FAILURE = Duration.ofHours(24);

  /** Entries not used for this long are removed. */
  static final Duration UNUSED_LIFETIME = Duration.ofDays(30);

  /** Runtime images kept beyond those unused for an hour (one per JDK in use). */
  static final int KEEP_IMAGES = 3;

  /** CDS archives kept beyond those unused for an hour (one per JDK, sandbox mode and build). */
  static final int KEEP_ARCHIVES = 6;

  private CacheFiles() {}

  static Path failureMarker(Path entry) {
    return entry.resolveSibling(entry.getFileName() + ".failed");
  }

  /** Why an entry could not be built (or was rejected) within the last day, or {@code null}. */
  static String recentFailure(Path entry) {
    Path marker = failureMarker(entry);
    try {
      if (!Files.isRegularFile(marker)) {
        return null;
      }
      Instant at = Files.getLastModifiedTime(marker).toInstant();
      if (at.plus(RETRY_AFTER_FAILURE).isBefore(Instant.now())) {
        return null;
      }
      return Files.readString(marker, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      return null;
    }
  }

  /** Records a failure so that the entry is not tried again for a day. */
  static void recordFailure(Path entry, String reason) {
    try {
      Files.writeString(failureMarker(entry), reason, StandardCharsets.UTF_8);
    } catch (IOException e) {
      LOG.log(Level.FINE, "cannot record the failure", e);
    }
  }

  /** Sets a stamp's time to now (the pruning order). */
  static void touch(Path stamp) {
    try {
      Files.setLastModifiedTime(stamp, FileTime.from(Instant.now()));
    } catch (IOException e) {
      // Only the pruning order is affected.
    }
  }

  /**
   * Removes abandoned staging, old failure records, entries unused for {@link #UNUSED_LIFETIME},
   * and, beyond the {@link #KEEP_IMAGES} images and {@link #KEEP_ARCHIVES} archives used last,
   * those unused for an hour (every rebuild of Orca gives a new archive; every JDK update a new
   * image). The hour keeps an entry that a start has just chosen from vanishing under it.
   */
  static void prune(Path dir) {
    Instant now = Instant.now();
    List<Map.Entry<Path, Instant>> images = new ArrayList<>();
    List<Map.Entry<Path, Instant>> archives = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path p : entries) {
        String name = p.getFileName().toString();
        if (name.startsWith(".staging-")) {
          deleteIfOlder(p, now, Duration.ofDays(1));
        } else if (name.endsWith(".failed")) {
          deleteIfOlder(p, now, RETRY_AFTER_FAILURE);
        } else if (name.startsWith("image-") && Files.isDirectory(p)) {
          images.add(Map.entry(p, lastUse(p.resolve(RuntimeImages.STAMP), p)));
        } else if (name.startsWith("app-") && (name.endsWith(".jsa") || name.endsWith(".aot"))) {
          archives.add(Map.entry(p, lastUse(ArchiveTraining.stampOf(p), p)));
        }
      }
      pruneUnused(images, KEEP_IMAGES, now);
      pruneUnused(archives, KEEP_ARCHIVES, now);
    } catch (IOException e) {
      LOG.log(Level.FINE, "pruning the kernel start-up cache", e);
    }
  }

  /** The stamp's time; without a stamp (a rejected entry), the entry's own time. */
  private static Instant lastUse(Path stamp, Path entry) throws IOException {
    if (Files.exists(stamp)) {
      return Files.getLastModifiedTime(stamp).toInstant();
    }
    return Files.exists(entry) ? Files.getLastModifiedTime(entry).toInstant() : Instant.EPOCH;
  }

  private static void deleteIfOlder(Path entry, Instant now, Duration lifetime) throws IOException {
    if (lastUse(entry, entry).plus(lifetime).isBefore(now)) {
      deleteTree(entry);
    }
  }

  private static void pruneUnused(List<Map.Entry<Path, Instant>> entries, int keep, Instant now)
      throws IOException {
    entries.sort(Map.Entry.<Path, Instant>comparingByValue().reversed());
    for (int i = 0; i < entries.size(); i++) {
      Path p = entries.get(i).getKey();
      Instant last = entries.get(i).getValue();
      boolean expired = last.plus(UNUSED_LIFETIME).isBefore(now);
      boolean surplus = i >= keep && last.plus(Duration.ofHours(1)).isBefore(now);
      if (expired || surplus) {
        if (p.getFileName().toString().startsWith("app-")) {
          Files.deleteIfExists(ArchiveTraining.stampOf(p));
        }
        deleteTree(p);
      }
    }
  }

  /** Whether a process, or one of its descendants, has a file mapped (Linux {@code /proc}). */
  static Optional<Boolean> mappedBy(long pid, Path file) {
    Path procSelf = Path.of("/proc/self/maps");
    if (!Files.isReadable(procSelf)) {
      return Optional.empty();
    }
    String target = real(file).toString();
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty()) {
      return Optional.empty();
    }
    List<Long> pids = new ArrayList<>();
    pids.add(pid);
    handle.get().descendants().forEach(d -> pids.add(d.pid()));
    boolean readable = false;
    for (long p : pids) {
      Path maps = Path.of("/proc", Long.toString(p), "maps");
      try (Stream<String> lines = Files.lines(maps, StandardCharsets.UTF_8)) {
        readable = true;
        if (lines.anyMatch(line -> line.endsWith(" " + target))) {
          return Optional.of(true);
        }
      } catch (IOException | UncheckedIOException e) {
        // Gone, or not ours to read.
      }
    }
    return readable ? Optional.of(false) : Optional.empty();
  }

  /** The real path of a file that may not exist yet (its existing ancestor resolved). */
  static Path real(Path p) {
    Path existing = p;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      rest = rest == null ? existing.getFileName() : existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      Path r = existing.toRealPath();
      return rest == null ? r : r.resolve(rest);
    } catch (IOException e) {
      return p;
    }
  }

  static String joinPath(List<Path> classpath) {
    return classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
  }

  /**
   * How many runtime images, archives and failed builds a cache directory holds, and their size.
   */
  static String summary(Path dir) throws IOException {
    int images = 0;
    int archives = 0;
    int failed = 0;
    long bytes = 0;
    if (Files.isDirectory(dir)) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        for (Path p : entries) {
          String name = p.getFileName().toString();
          if (name.endsWith(".failed")) {
            failed++;
          } else if (name.startsWith("image-")) {
            images++;
            bytes += size(p);
          } else if (name.startsWith("app-") && (name.endsWith(".jsa") || name.endsWith(".aot"))) {
            archives++;
            bytes += size(p);
          }
        }
      }
    }
    return images
        + " runtime image(s), "
        + archives
        + " archive(s), "
        + bytes / (1024 * 1024)
        + " MiB"
        + (failed > 0 ? ", " + failed + " failed build(s) not retried for a day" : "");
  }

  /** Total size in bytes of the files under a directory (0 when it cannot be read). */
  static long size(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
          .mapToLong(
              p -> {
                try {
                  return Files.size(p);
                } catch (IOException e) {
                  return 0;
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return 0;
    }
  }

  static void deleteTree(Path root) {
    if (!FileTrees.deleteQuietly(root)) {
      LOG.fine("cannot delete all of " + root);
    }
  }
}
