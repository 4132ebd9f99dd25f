package dev.orca.skills.gate;

import com.google.googlejavaformat.java.Formatter;
import com.google.googlejavaformat.java.FormatterException;
import dev.orca.core.OrcaException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Formats Java sources with google-java-format (the project's own formatter) and fixes imports
 * (unused removed, ordered).
 *
 * <p>google-java-format uses javac's internal parser. When this JVM does not export those packages
 * (no {@code --add-exports} flags), formatting runs in a short-lived child JVM that has them.
 */
public final class SourceFormatter {

  private static final String[] JAVAC_PACKAGES = {"api", "code", "file", "parser", "tree", "util"};

  /** The outcome: the formatted source, or the formatter's error (usually a syntax error). */
  public sealed interface Result {
    /**
     * Formatted.
     *
     * @param source the formatted source
     */
    record Formatted(String source) implements Result {}

    /**
     * Not formatted: the source does not parse.
     *
     * @param line 1-based line of the error, 0 when unknown
     * @param message the error
     */
    record Failed(int line, String message) implements Result {}
  }

  /**
   * Formats a source.
   *
   * @param source a Java compilation unit
   * @return the formatted source or why it could not be formatted
   */
  public Result format(String source) {
    if (inProcess()) {
      try {
        return new Result.Formatted(new Formatter().formatSourceAndFixImports(source));
      } catch (FormatterException e) {
        int line = e.diagnostics().isEmpty() ? 0 : Math.max(0, e.diagnostics().get(0).line());
        return new Result.Failed(line, e.getMessage());
      }
    }
    return formatInChild(source);
  }

  /** Whether javac's internals are open to google-java-format in this JVM. */
  static boolean inProcess() {
    Module gjf = Formatter.class.getModule();
    return ModuleLayer.boot()
        .findModule("jdk.compiler")
        .map(
            m -> {
              for (String p : JAVAC_PACKAGES) {
                if (!m.isExported("com.sun.tools.javac." + p, gjf)) {
                  return false;
                }
              }
              return true;
            })
        .orElse(false);
  }

  private static Result formatInChild(String source) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ChildClasspath.javaExecutable().toString());
    for (String p : JAVAC_PACKAGES) {
      cmd.add("--add-exports=jdk.compiler/com.sun.tools.javac." + p + "=ALL-UNNAMED");
    }
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-cp");
    cmd.add(
        ChildClasspath.of(
            "com.google.googlejavaformat.java.Formatter",
            "com.google.common.collect.ImmutableList",
            "com.google.common.util.concurrent.internal.InternalFutureFailureAccess"));
    cmd.add("com.google.googlejavaformat.java.Main");
    cmd.add("-");
    try {
      Process p = new ProcessBuilder(cmd).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(source.getBytes(StandardCharsets.UTF_8));
      }
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      Thread errPump = new Thread(() -> copy(p.getErrorStream(), err), "gjf-stderr");
      errPump.setDaemon(true);
      errPump.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw OrcaException.transientFailure("The formatter did not finish within 60 s.", null);
      }
      errPump.join(1000);
      if (p.exitValue() != 0) {
        String msg = err.toString(StandardCharsets.UTF_8).strip();
        return new Result.Failed(lineOf(msg), msg);
      }
      return new Result.Formatted(new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw OrcaException.transientFailure("Cannot run the formatter: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw OrcaException.transientFailure("Interrupted while formatting.", e);
    }
  }

  private static int lineOf(String message) {
    // "<stdin>:3:5: error: ..."
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+):\\d+:").matcher(message);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  private static void copy(InputStream in, ByteArrayOutputStream out) {
    try {
      in.transferTo(out);
    } catch (IOException e) {
      // the process ended; what was read is kept
    }
  }
}
