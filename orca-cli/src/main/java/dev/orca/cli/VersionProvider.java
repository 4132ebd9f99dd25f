package dev.orca.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads Orca's version from the properties file the build writes. */
public final class VersionProvider implements IVersionProvider {

  /** Orca's version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code unknown} outside a build. */
  public static String version() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/orca-version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties props = new Properties();
      props.load(in);
      return props.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "orca " + version(),
      "JVM: " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
