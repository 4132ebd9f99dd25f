package dev.orca.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.cli.testing.OrcaProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code orca doctor} as a process with the real kernel. */
class DoctorIT {

  @TempDir Path home;

  @Test
  void doctor_reportsJdkHomeKernelSandboxAndModel() throws Exception {
    Files.writeString(
        home.resolve("config.toml"),
        "[kernel]\nheap_mib = 256\n\n[model]\nprovider = \"openai\"\nname = \"gpt-x\"\n"
            + "api_key = \"sk-secret-value\"\n");
    Process p =
        new ProcessBuilder(OrcaProcess.fromClasspath("doctor", "--home", home.toString()))
            .redirectErrorStream(true)
            .start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("host JDK:")
        .contains("home:            " + home.toAbsolutePath().normalize())
        .contains("(writable)")
        .contains("kernel JDK:")
        .contains("kernel start:")
        .contains("kernel heap:     256 MiB")
        .contains("sandbox layers:")
        .contains("kernel CDS:")
        // Tests never build the kernel start-up cache (the build sets it off for child JVMs too).
        .contains("kernel cache:    off (")
        // The suites switch the spare kernel off through the environment, which this process has.
        .contains("spare kernel off (ORCA_KERNEL_SPARE=off")
        .contains("provider = openai")
        .contains("api_key = (set, hidden)")
        .doesNotContain("sk-secret-value")
        .contains("kernel check:    ok");
  }
}
