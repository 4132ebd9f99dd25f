package dev.orca.cli;

import dev.orca.kernel.SandboxMode;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Options every kernel-using subcommand shares: {@code --home}, {@code --sandbox}, {@code --heap}
 * and {@code --verbose}. Use it as {@code @Mixin CommonOptions common;} and open an {@link
 * OrcaRuntime} with {@link OrcaRuntime#open(CommonOptions)}.
 */
public final class CommonOptions {

  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Orca home (default: $ORCA_HOME, else ~/.orca).")
  Path home;

  @Option(
      names = "--sandbox",
      paramLabel = "MODE",
      converter = SandboxConverter.class,
      description = "Kernel isolation: auto, strict or off (default: config, else auto).")
  SandboxMode sandbox;

  @Option(
      names = "--heap",
      paramLabel = "MiB",
      description = "Kernel heap limit in MiB (default: config, else 512).")
  Integer heapMiB;

  @Option(
      names = {"-v", "--verbose"},
      description = "Show stack traces of internal errors (also: ORCA_DEBUG=1).")
  boolean verbose;

  /** The {@code --home} value, or {@code null}. */
  public Path home() {
    return home;
  }

  /** The {@code --sandbox} value, or {@code null}. */
  public SandboxMode sandbox() {
    return sandbox;
  }

  /** The {@code --heap} value, or {@code null}. */
  public Integer heapMiB() {
    return heapMiB;
  }

  /** Whether {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  /** Converts {@code auto|strict|off} (any case) with a clear message for anything else. */
  static final class SandboxConverter implements picocli.CommandLine.ITypeConverter<SandboxMode> {
    @Override
    public SandboxMode convert(String value) {
      try {
        return OrcaConfig.parseSandbox(value, "--sandbox");
      } catch (RuntimeException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
