package dev.orca.kernel.cds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Runs the cache's build processes (jlink, the training kernel, checks): at the lowest CPU priority
 * when {@code nice} exists, with a scrubbed environment, bounded output, a time limit, and killed
 * when the host exits so that none outlives it.
 */
final class BuildProcesses {
  private static final int OUTPUT_CAP = 16 * 1024;
  private static final Path NICE = Path.of("/usr/bin/nice");
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  for (Process p : RUNNING) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                  }
                },
                "orca-kernel-cds-cleanup"));
  }

  private BuildProcesses() {}

  /** What a finished build process left behind. */
  record Outcome(int exitCode, String output, boolean timedOut) {
    boolean ok() {
      return !timedOut && exitCode == 0;
    }

    /** The exit and the last lines of output, for a failure message. */
    String describe() {
      String tail = output.strip();
      if (tail.length() > 600) {
        tail = "…" + tail.substring(tail.length() - 600);
      }
      return (timedOut ? "timed out" : "exit code " + exitCode)
          + (tail.isEmpty() ? "" : ": " + tail.replace('\n', ' '));
    }
  }

  /** The command, at the lowest CPU priority when {@code nice} is available. */
  static List<String> niced(List<String> command) {
    if (!Files.isExecutable(NICE)) {
      return command;
    }
    List<String> out = new ArrayList<>(List.of(NICE.toString(), "-n", "19"));
    out.addAll(command);
    return out;
  }

  /** A process builder with a scrubbed environment, like the kernel's own. */
  static ProcessBuilder builder(List<String> command, Path workingDirectory) {
    ProcessBuilder builder = new ProcessBuilder(niced(command));
    builder.directory(workingDirectory.toFile());
    Map<String, String> env = builder.environment();
    env.clear();
    env.put("PATH", "/usr/bin:/bin");
    env.put("LANG", "C.UTF-8");
    env.put("HOME", workingDirectory.toString());
    env.put("TMPDIR", System.getProperty("java.io.tmpdir", "/tmp"));
    return builder;
  }

  /** Starts a process and tracks it so that the host's exit kills it. */
  static Process start(ProcessBuilder builder) throws IOException {
    Process process = builder.start();
    RUNNING.add(process);
    process.onExit().thenRun(() -> RUNNING.remove(process));
    return process;
  }

  /**
   * Runs a command to completion with stdin closed and stdout and stderr merged.
   *
   * @param command the command line
   * @param workingDirectory where it runs
   * @param limit how long it may take before it is killed
   * @return its exit and output
   */
  static Outcome run(List<String> command, Path workingDirectory, Duration limit)
      throws IOException, InterruptedException {
    ProcessBuilder builder = builder(command, workingDirectory).redirectErrorStream(true);
    Process process = start(builder);
    process.getOutputStream().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader =
        new Thread(() -> drain(process.getInputStream(), output), "orca-kernel-cds-output");
    reader.setDaemon(true);
    reader.start();
    boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
    if (!finished) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(5, TimeUnit.SECONDS);
    }
    reader.join(2_000);
    String text;
    synchronized (output) {
      text = output.toString(StandardCharsets.UTF_8);
    }
    return new Outcome(finished ? process.exitValue() : -1, text, !finished);
  }

  /** Reads a stream to its end, keeping about the last {@link #OUTPUT_CAP} bytes. */
  static void drain(InputStream in, ByteArrayOutputStream sink) {
    byte[] buffer = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        synchronized (sink) {
          sink.write(buffer, 0, n);
          if (sink.size() > 2 * OUTPUT_CAP) {
            byte[] all = sink.toByteArray();
            sink.reset();
            sink.write(all, all.length - OUTPUT_CAP, OUTPUT_CAP);
          }
        }
      }
    } catch (IOException e) {
      // The process is gone; what was read is kept.
    }
  }
}
