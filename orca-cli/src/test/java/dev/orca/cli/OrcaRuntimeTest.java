package dev.orca.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.orca.cli.testing.FakeKernel;
import dev.orca.core.OrcaException;
import dev.orca.kernel.Kernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrcaRuntimeTest {

  @TempDir Path home;

  private OrcaRuntime runtime(FakeKernel kernel) {
    return OrcaRuntime.builder()
        .home(home)
        .env(Map.of())
        .kernelFactory(options -> kernel)
        .shutdownHook(false)
        .build();
  }

  @Test
  void spareKernel_followsTheConfigUnlessSwitchedOff() throws Exception {
    String before = System.getProperty(OrcaRuntime.SPARE_SWITCH);
    try {
      // The suites switch it off (property and environment); the property wins over the variable.
      System.setProperty(OrcaRuntime.SPARE_SWITCH, "on");
      try (OrcaRuntime runtime = runtime(new FakeKernel())) {
        assertThat(runtime.kernelOptions().spareKernel()).isTrue();
      }
      Files.writeString(home.resolve("config.toml"), "[kernel]\nspare = false\n");
      try (OrcaRuntime runtime = runtime(new FakeKernel())) {
        assertThat(runtime.kernelOptions().spareKernel()).isFalse();
      }
      Files.delete(home.resolve("config.toml"));
      System.setProperty(OrcaRuntime.SPARE_SWITCH, "OFF");
      try (OrcaRuntime runtime = runtime(new FakeKernel())) {
        assertThat(runtime.kernelOptions().spareKernel()).isFalse();
      }
    } finally {
      if (before == null) {
        System.clearProperty(OrcaRuntime.SPARE_SWITCH);
      } else {
        System.setProperty(OrcaRuntime.SPARE_SWITCH, before);
      }
    }
  }

  @Test
  void opening_doesNotSetUpTheHostServices() {
    try (OrcaRuntime runtime = runtime(new FakeKernel())) {
      assertThat(runtime.home().root()).isDirectory();
      // the services (history.db among them) start in the background on first need, so that a
      // command such as `orca mcp` answers its client first
      assertThat(Files.exists(runtime.home().historyDb())).isFalse();
    }
  }

  @Test
  void aBridgeCallBeforeAnythingStarted_startsTheServicesAndIsAnswered() {
    try (OrcaRuntime runtime = runtime(new FakeKernel())) {
      var answer = runtime.bridge().call("analyzeHistory", JsonNodeFactory.instance.objectNode());
      assertThat(answer.isObject()).isTrue();
      assertThat(runtime.router().orElseThrow().methods())
          .contains(
              "searchTools",
              "callTool",
              "saveSessionState",
              "analyzeHistory",
              "generateFromSuggestion");
      assertThat(runtime.home().historyDb()).exists();
    }
  }

  @Test
  void kernel_isReturnedOnceTheServicesAreAttached() {
    FakeKernel fake = new FakeKernel();
    try (OrcaRuntime runtime = runtime(fake)) {
      Kernel kernel = runtime.kernel();
      assertThat(kernel).isNotNull();
      assertThat(runtime.services()).isPresent();
      assertThat(runtime.home().historyDb()).exists();
    }
  }

  @Test
  void afterClose_aBridgeCallFailsAtOnceInsteadOfWaiting() {
    OrcaRuntime runtime = runtime(new FakeKernel());
    runtime.close();
    assertThatThrownBy(
            () -> runtime.bridge().call("analyzeHistory", JsonNodeFactory.instance.objectNode()))
        .isInstanceOf(OrcaException.class);
  }
}
