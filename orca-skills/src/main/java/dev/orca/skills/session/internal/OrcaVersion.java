package dev.orca.skills.session.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The running Orca's version, for session manifests. */
public final class OrcaVersion {
  private static final String VERSION = read();

  private OrcaVersion() {}

  /** The version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev} when it cannot be found. */
  public static String get() {
    return VERSION;
  }

  private static String read() {
    try (InputStream in = OrcaVersion.class.getResourceAsStream("/orca-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String v = p.getProperty("version");
        if (v != null && !v.isBlank() && !v.contains("${")) {
          return v.strip();
        }
      }
    } catch (IOException e) {
      // fall through to the package version
    }
    String pkg = OrcaVersion.class.getPackage().getImplementationVersion();
    return pkg != null ? pkg : "dev";
  }
}
