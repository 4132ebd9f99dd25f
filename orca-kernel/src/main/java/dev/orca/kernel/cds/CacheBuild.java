package dev.orca.kernel.cds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * One build of the start-up cache's entries for a request: the runtime image (when the request
 * limits modules) and then the CDS archive, each unless it is present or failed lately, under a
 * file lock so that two Orca processes never build into one directory at once.
 */
final class CacheBuild {
  private static final Logger LOG = Logger.getLogger(CacheBuild.class.getName());

  private CacheBuild() {}

  /**
   * Builds what is missing.
   *
   * @param dir the cache directory
   * @param request what the kernel starts need
   * @param wait whether to wait for another process building the same cache (else give up)
   */
  static void run(Path dir, StartupCache.Request request, boolean wait) {
    try {
      Files.createDirectories(dir);
      try (FileChannel channel =
              FileChannel.open(
                  dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = wait ? channel.lock() : channel.tryLock()) {
        if (lock == null) {
          return; // Another Orca process is building; a later start will find its result.
        }
        Path java = request.jdkJava();
        if (!request.modules().isEmpty()) {
          Path image = dir.resolve(CacheKeys.image(request.jdkJava(), request.modules()));
          if (!RuntimeImages.usable(image)) {
            if (CacheFiles.recentFailure(image) != null) {
              return;
            }
            CacheFiles.deleteTree(image);
            try {
              long t0 = System.nanoTime();
              RuntimeImages.build(
                  request.jdkJava(), request.modules(), image, staging(dir, "image"));
              LOG.info(() -> "built the kernel runtime image " + image + " in " + since(t0));
            } catch (RuntimeImages.BuildFailure e) {
              recordFailure(image, e);
              return;
            }
          }
          java = RuntimeImages.java(image);
        }
        if (StartupCache.notJars(request.classpath()) != null) {
          return;
        }
        Path archive =
            dir.resolve(CacheKeys.archive(java, request.jvmOptions(), request.classpath()));
        if (!ArchiveTraining.usable(archive) && CacheFiles.recentFailure(archive) == null) {
          Files.deleteIfExists(archive);
          Files.deleteIfExists(ArchiveTraining.stampOf(archive));
          try {
            long t0 = System.nanoTime();
            ArchiveTraining.build(
                java,
                request.jvmOptions(),
                request.classpath(),
                request.main(),
                archive,
                staging(dir, "archive" + (CacheKeys.aotCache(java) ? ".aot" : ".jsa")));
            LOG.info(() -> "created the kernel CDS archive " + archive + " in " + since(t0));
          } catch (RuntimeImages.BuildFailure e) {
            recordFailure(archive, e);
          }
        }
        CacheFiles.prune(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the kernel start-up cache", e);
    }
  }

  private static String since(long t0) {
    return Duration.ofNanos(System.nanoTime() - t0).toMillis() + " ms";
  }

  private static Path staging(Path dir, String suffix) {
    return dir.resolve(".staging-" + Long.toHexString(System.nanoTime()) + "-" + suffix);
  }

  private static void recordFailure(Path entry, RuntimeImages.BuildFailure failure) {
    String reason = failure.getMessage();
    LOG.warning(
        () -> "the kernel start-up cache could not build " + entry.getFileName() + ": " + reason);
    if (failure.lasting()) {
      CacheFiles.recordFailure(entry, reason);
    }
  }
}
