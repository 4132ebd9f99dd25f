package dev.orca.cli;

import dev.orca.core.ConfigurationException;
import dev.orca.core.OrcaException;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelOptions;
import dev.orca.kernel.SandboxMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/**
 * What {@code HOME/config.toml} says, with defaults for what it does not say.
 *
 * <pre>
 * [kernel]
 * heap_mib = 512            # child JVM heap limit
 * timeout_seconds = 30      # default cell timeout (at most 60)
 * sandbox = "auto"          # auto | strict | off
 * spare = true              # keep a pre-started, pre-trained kernel JVM for restores and restarts
 *
 * [model]                   # read by the orchestrator; shown by orca doctor
 * provider = "anthropic"
 * name = "claude-sonnet-4-5"
 * </pre>
 *
 * @param heapMiB the kernel's heap limit
 * @param timeoutSeconds the default cell timeout, 1..60
 * @param sandbox the kernel's sandbox mode
 * @param spareKernel whether to keep a spare kernel JVM ready (see {@link
 *     KernelOptions#spareKernel()})
 * @param model the {@code [model]} table's scalar entries as text, in file order (empty when none)
 */
public record OrcaConfig(
    int heapMiB,
    int timeoutSeconds,
    SandboxMode sandbox,
    boolean spareKernel,
    Map<String, String> model) {

  /** The configuration used when there is no {@code config.toml}. */
  public static final OrcaConfig DEFAULTS =
      new OrcaConfig(
          KernelOptions.DEFAULT_HEAP_MIB,
          (int) Kernel.DEFAULT_TIMEOUT.toSeconds(),
          SandboxMode.AUTO,
          true,
          Map.of());

  /** Validates and copies. */
  public OrcaConfig {
    if (heapMiB < 64) {
      throw OrcaException.configuration(
          "The kernel heap must be at least 64 MiB (got " + heapMiB + ").");
    }
    long max = Kernel.MAX_TIMEOUT.toSeconds();
    if (timeoutSeconds < 1 || timeoutSeconds > max) {
      throw OrcaException.configuration(
          "timeout_seconds must be between 1 and " + max + " (got " + timeoutSeconds + ").");
    }
    Objects.requireNonNull(sandbox, "sandbox");
    model = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(model));
  }

  /**
   * Reads a configuration file; a missing file gives {@link #DEFAULTS}.
   *
   * @param file the {@code config.toml} path
   * @return the configuration
   * @throws ConfigurationException when the file cannot be read or is not valid
   */
  public static OrcaConfig load(Path file) {
    if (!Files.exists(file)) {
      return DEFAULTS;
    }
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigurationException(
          "Cannot read " + file + " (" + e.getMessage() + "). Fix its permissions or remove it.",
          e);
    }
    return parse(text, file.toString());
  }

  /**
   * Parses configuration text.
   *
   * @param toml the TOML text
   * @param source where it came from, for error messages
   * @return the configuration
   * @throws ConfigurationException when the text is not valid TOML or holds bad values
   */
  public static OrcaConfig parse(String toml, String source) {
    TomlParseResult result = Toml.parse(toml);
    if (result.hasErrors()) {
      var error = result.errors().get(0);
      throw OrcaException.configuration(
          source
              + ": not valid TOML at line "
              + error.position().line()
              + ": "
              + error.getMessage());
    }
    int heap = (int) longValue(result, "kernel.heap_mib", DEFAULTS.heapMiB(), source);
    int timeout =
        (int) longValue(result, "kernel.timeout_seconds", DEFAULTS.timeoutSeconds(), source);
    SandboxMode sandbox = DEFAULTS.sandbox();
    if (result.contains("kernel.sandbox")) {
      Object raw = result.get("kernel.sandbox");
      if (!(raw instanceof String s)) {
        throw OrcaException.configuration(
            source + ": [kernel] sandbox must be a string: \"auto\", \"strict\" or \"off\".");
      }
      sandbox = parseSandbox(s, source + ": [kernel] sandbox");
    }
    boolean spare = DEFAULTS.spareKernel();
    if (result.contains("kernel.spare")) {
      Object raw = result.get("kernel.spare");
      if (!(raw instanceof Boolean b)) {
        throw OrcaException.configuration(
            source + ": [kernel] spare must be true or false (got " + raw + ").");
      }
      spare = b;
    }
    Map<String, String> model = new LinkedHashMap<>();
    TomlTable table = result.isTable("model") ? result.getTable("model") : null;
    if (table != null) {
      for (String key : table.keySet()) {
        Object value = table.get(key);
        if (!(value instanceof TomlTable)) {
          model.put(key, String.valueOf(value));
        }
      }
    }
    try {
      return new OrcaConfig(heap, timeout, sandbox, spare, model);
    } catch (ConfigurationException e) {
      throw OrcaException.configuration(source + ": " + e.getMessage());
    }
  }

  /**
   * Parses a sandbox mode name.
   *
   * @param value {@code auto}, {@code strict} or {@code off} (any case)
   * @param what what is being parsed, for the error message
   * @return the mode
   * @throws ConfigurationException for any other value
   */
  public static SandboxMode parseSandbox(String value, String what) {
    try {
      return SandboxMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw OrcaException.configuration(
          what + " must be auto, strict or off (got \"" + value + "\").");
    }
  }

  private static long longValue(TomlParseResult toml, String key, long fallback, String source) {
    if (!toml.contains(key)) {
      return fallback;
    }
    Object raw = toml.get(key);
    if (!(raw instanceof Long l)) {
      throw OrcaException.configuration(
          source + ": " + key + " must be a whole number (got " + raw + ").");
    }
    return l;
  }

  /** A copy with another heap limit. */
  public OrcaConfig withHeapMiB(int mib) {
    return new OrcaConfig(mib, timeoutSeconds, sandbox, spareKernel, model);
  }

  /** A copy with another sandbox mode. */
  public OrcaConfig withSandbox(SandboxMode mode) {
    return new OrcaConfig(heapMiB, timeoutSeconds, mode, spareKernel, model);
  }
}
