package dev.orca.tools.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Locates {@code @modelcontextprotocol/server-everything} from npm for the ITs: installed by {@code
 * .ci/run} under {@code ORCA_IT_NPM_PREFIX} (default {@code ~/.cache/orca-it/npm}); when it is
 * missing and npm is present, the IT installs it there. Tests are skipped (with a message) only
 * when node is absent.
 */
public final class EverythingServer {

  /** The pinned package version (the one the shared catalog was captured from). */
  public static final String PACKAGE = "@modelcontextprotocol/server-everything@2026.8.31";

  private EverythingServer() {}

  /** The npm prefix the server is installed under. */
  public static Path prefix() {
    String env = System.getenv("ORCA_IT_NPM_PREFIX");
    return env != null && !env.isBlank()
        ? Path.of(env)
        : Path.of(System.getProperty("user.home"), ".cache", "orca-it", "npm");
  }

  /**
   * The server's entry script, installing the package first when needed.
   *
   * @return the path of {@code dist/index.js}
   */
  public static synchronized Path script() throws IOException, InterruptedException {
    assumeTrue(onPath("node"), "node is not installed: skipping the MCP server ITs");
    Path script =
        prefix().resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    if (!Files.isRegularFile(script)) {
      assumeTrue(onPath("npm"), "npm is not installed and " + script + " is missing");
      Files.createDirectories(prefix());
      Process p =
          new ProcessBuilder(
                  "npm",
                  "install",
                  "--prefix",
                  prefix().toString(),
                  "--no-audit",
                  "--no-fund",
                  PACKAGE)
              .inheritIO()
              .start();
      if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("npm install " + PACKAGE + " failed");
      }
    }
    return script;
  }

  /** Whether a command is on the PATH. */
  public static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
