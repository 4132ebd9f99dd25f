package dev.orca.kernel.cds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates a class-data sharing archive for the kernel JVM: a training kernel (same java binary,
 * options and classpath as the real one, but its own empty workspace, no OS sandbox and no host
 * bridge: it runs only the fixed cells below, never user code) runs with {@code
 * -XX:ArchiveClassesAtExit} (JDK 17-24: a dynamic archive) or {@code -XX:AOTCacheOutput} (JDK 25+:
 * an AOT cache, which also holds linked classes and method profiles), is told to exit, and the
 * archive it leaves is checked by a JVM started with {@code -Xshare:on} or {@code -XX:AOTMode=on}
 * (which refuse to start on an archive they cannot map) before it is moved into place with a stamp
 * (size, time, header digest) that {@link #usable} checks before every use: JDK 17 crashes on a
 * truncated archive instead of ignoring it.
 */
final class ArchiveTraining {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TRAINING_LIMIT = Duration.ofMinutes(15);
  private static final Duration EXIT_LIMIT = Duration.ofMinutes(2);
  private static final Duration CHECK_LIMIT = Duration.ofMinutes(2);
  private static final int HEADER_BYTES = 4096;

  /** What the training kernel runs: the common paths of the kernel, its compiler and values. */
  static final List<String> CELLS =
      List.of(
          "1 + 1",
          "int x = 3; String s = \"a\" + x; s.length()",
          "record P(int a, String b) {}\n"
              + "var ps = List.of(new P(1, \"x\"), new P(2, \"y\"));\n"
              + "ps.stream().map(P::b).collect(Collectors.joining(\",\"))",
          "double mean(double... v) { return Arrays.stream(v).average().orElse(0); }\nmean(1, 2, 3)",
          "Map<String, Integer> m = new HashMap<>(); m.put(\"k\", 1); m.merge(\"k\", 2, Integer::sum);"
              + " m",
          "Table t = Table.create(\"t\", IntColumn.create(\"id\", new int[] {1, 2, 3}),"
              + " StringColumn.create(\"name\", \"a\", \"b\", \"c\"),"
              + " DoubleColumn.create(\"v\", new double[] {0.5, 1.5, 2.5}));\n"
              + "t.where(t.intColumn(\"id\").isGreaterThan(1)).rowCount()",
          "t.summarize(\"v\", tech.tablesaw.aggregate.AggregateFunctions.mean).by(\"name\").rowCount()",
          "LongStream.range(0, 10_000).map(i -> i * 2).sum()",
          "System.out.println(\"hello\"); System.err.println(\"warn\"); LocalDate.of(2024, 1, 1)"
              + ".plusDays(3)",
          "Files.writeString(Path.of(\"orca-training.txt\"), \"x\"); Files.readString(Path.of("
              + "\"orca-training.txt\"))",
          "Integer.parseInt(\"not a number\")",
          "int broken = \"not an int\";",
          "class Counter { int n; int next() { return ++n; } }\nnew Counter().next()",
          "var text = String.join(\"\\n\", Collections.nCopies(3, \"line\")); text.lines().count()");

  private ArchiveTraining() {}

  /**
   * Whether an archive is complete and unchanged since it was checked.
   *
   * @param archive the archive file (its stamp sits next to it)
   */
  static boolean usable(Path archive) {
    Path stamp = stampOf(archive);
    if (!Files.isRegularFile(stamp) || !Files.isRegularFile(archive)) {
      return false;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(stamp)) {
      p.load(in);
      return CacheKeys.stamp(archive).equals(p.getProperty("file"))
          && headerDigest(archive).equals(p.getProperty("header"));
    } catch (IOException e) {
      return false;
    }
  }

  /** The JVM options that use an archive built for this java binary. */
  static List<String> useOptions(Path java, Path archive) {
    return List.of(
        (CacheKeys.aotCache(java) ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive);
  }

  /** The stamp file of an archive. */
  static Path stampOf(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".stamp");
  }

  /**
   * Trains, checks and installs an archive.
   *
   * @param java the java binary the kernel runs with
   * @param jvmOptions the kernel's JVM options (without classpath and working directory)
   * @param classpath the kernel classpath the archive is for
   * @param main the main class and its arguments
   * @param target where the archive goes
   * @param staging an unused path next to the target, for the training run's output
   * @throws RuntimeImages.BuildFailure when the training or the check fails
   */
  static void build(
      Path java,
      List<String> jvmOptions,
      List<Path> classpath,
      List<String> main,
      Path target,
      Path staging)
      throws IOException, InterruptedException, RuntimeImages.BuildFailure {
    Path workspace = Files.createTempDirectory("orca-cds-training");
    String cp = CacheFiles.joinPath(classpath);
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(java.toString());
      cmd.addAll(jvmOptions);
      boolean aot = CacheKeys.aotCache(java);
      cmd.add((aot ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + staging);
      cmd.add("-Duser.dir=" + workspace);
      cmd.add("-cp");
      cmd.add(cp);
      cmd.addAll(main);
      train(cmd, workspace);
      if (!Files.isRegularFile(staging) || Files.size(staging) < HEADER_BYTES) {
        throw new RuntimeImages.BuildFailure("the training kernel wrote no archive");
      }
      List<String> check = new ArrayList<>();
      check.add(java.toString());
      check.addAll(jvmOptions);
      check.addAll(useOptions(java, staging));
      check.add(aot ? "-XX:AOTMode=on" : "-Xshare:on");
      check.add("-cp");
      check.add(cp);
      check.add("-version");
      BuildProcesses.Outcome checked = BuildProcesses.run(check, workspace, CHECK_LIMIT);
      if (!checked.ok()) {
        throw RuntimeImages.BuildFailure.of("the JVM refuses the new archive", checked);
      }
      Files.move(staging, target);
      writeStamp(target, "java " + java + "; options " + String.join(" ", jvmOptions));
    } finally {
      Files.deleteIfExists(staging);
      CacheFiles.deleteTree(workspace);
    }
  }

  /**
   * Records an archive's size, time and header digest next to it; {@link #usable} compares them.
   * Written last, and atomically: an archive without its stamp is never used.
   */
  static void writeStamp(Path archive, String comment) throws IOException {
    Properties p = new Properties();
    p.setProperty("file", CacheKeys.stamp(archive));
    p.setProperty("header", headerDigest(archive));
    Path staging = archive.resolveSibling(".staging-" + archive.getFileName() + ".stamp");
    try (OutputStream out = Files.newOutputStream(staging)) {
      p.store(out, "Orca kernel CDS archive, checked before every use. " + comment);
    }
    Files.move(
        staging,
        stampOf(archive),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  /** Runs the training kernel through {@link #CELLS} and a few requests, then lets it exit. */
  private static void train(List<String> cmd, Path workspace)
      throws IOException, InterruptedException, RuntimeImages.BuildFailure {
    ProcessBuilder builder = BuildProcesses.builder(cmd, workspace);
    Process process = BuildProcesses.start(builder);
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    Thread errors =
        new Thread(
            () -> BuildProcesses.drain(process.getErrorStream(), stderr), "orca-kernel-cds-err");
    errors.setDaemon(true);
    errors.start();
    CompletableFuture<Void> session = new CompletableFuture<>();
    Thread talker =
        new Thread(
            () -> {
              try {
                converse(process);
                session.complete(null);
              } catch (IOException | RuntimeException e) {
                session.completeExceptionally(e);
              }
            },
            "orca-kernel-cds-training");
    talker.setDaemon(true);
    talker.start();
    try {
      session.get(TRAINING_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      if (!process.waitFor(EXIT_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
        throw RuntimeImages.BuildFailure.passing("the training kernel did not exit in time");
      }
      if (process.exitValue() != 0) {
        errors.join(2_000);
        throw new RuntimeImages.BuildFailure(
            "the training kernel exited with " + process.exitValue() + ": " + tail(stderr));
      }
    } catch (TimeoutException e) {
      throw RuntimeImages.BuildFailure.passing("the training kernel did not finish in time");
    } catch (java.util.concurrent.ExecutionException e) {
      errors.join(2_000);
      throw new RuntimeImages.BuildFailure(
          "the training kernel failed (" + e.getCause().getMessage() + "): " + tail(stderr));
    } finally {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
    }
  }

  private static void converse(Process process) throws IOException {
    BufferedReader in =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    OutputStream out = process.getOutputStream();
    expect(in, "ready", -1);
    long id = 0;
    for (String cell : CELLS) {
      ObjectNode request = JSON.createObjectNode();
      request.put("code", cell);
      exchange(in, out, "execute", request, ++id);
    }
    exchange(in, out, "variables", JSON.createObjectNode(), ++id);
    for (String name : List.of("t", "m", "ps", "text")) {
      ObjectNode request = JSON.createObjectNode();
      request.put("name", name);
      exchange(in, out, "inspect", request, ++id);
    }
    ObjectNode complete = JSON.createObjectNode();
    complete.put("code", "t.rowC");
    complete.put("cursor", 6);
    exchange(in, out, "complete", complete, ++id);
    ObjectNode completeness = JSON.createObjectNode();
    completeness.put("code", "int y = ");
    exchange(in, out, "completeness", completeness, ++id);
    exchange(in, out, "snapshot", JSON.createObjectNode(), ++id);
    // End of input: the kernel halts, and the JVM writes the archive as it exits.
    out.close();
  }

  private static void exchange(
      BufferedReader in, OutputStream out, String op, ObjectNode request, long id)
      throws IOException {
    request.put("op", op);
    request.put("id", id);
    out.write(JSON.writeValueAsBytes(request));
    out.write('\n');
    out.flush();
    expect(in, "reply", id);
  }

  private static void expect(BufferedReader in, String op, long id) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      JsonNode message;
      try {
        message = JSON.readTree(line);
      } catch (IOException notJson) {
        continue;
      }
      if (op.equals(message.path("op").asText()) && (id < 0 || message.path("id").asLong() == id)) {
        return;
      }
    }
    throw new IOException("the training kernel closed its output (waiting for " + op + ")");
  }

  private static String tail(ByteArrayOutputStream stderr) {
    String text;
    synchronized (stderr) {
      text = stderr.toString(StandardCharsets.UTF_8).strip();
    }
    return text.length() > 500 ? "…" + text.substring(text.length() - 500) : text;
  }

  /** SHA-256 of an archive's first bytes (its header), as hex. */
  static String headerDigest(Path archive) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(archive)) {
      head = in.readNBytes(HEADER_BYTES);
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(head));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
