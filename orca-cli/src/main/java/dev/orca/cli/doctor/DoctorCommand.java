package dev.orca.cli.doctor;

import dev.orca.cli.CommonOptions;
import dev.orca.cli.ExitCodes;
import dev.orca.cli.OrcaRuntime;
import dev.orca.cli.VersionProvider;
import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.Kernel;
import dev.orca.kernel.KernelInfo;
import dev.orca.kernel.cds.StartupCache;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code orca doctor}: says whether Orca can work here and how it is set up: the host JDK, the home
 * and whether it is writable, the kernel (its JDK, start time, heap, sandbox layers, whether its
 * class-data sharing archive was used, and the state of its start-up cache) and the model
 * configuration. Exits 0 when everything needed works, 1 when the kernel cannot start, 2 when the
 * home or config is unusable.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Check the JDK, home, kernel, sandbox layers and model configuration.")
public final class DoctorCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("orca " + VersionProvider.version());
    out.println(
        "host JDK:        "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ", "
            + System.getProperty("java.home")
            + ")");
    try (OrcaRuntime runtime = OrcaRuntime.builder().options(common).shutdownHook(true).build()) {
      out.println(
          "home:            "
              + runtime.home().root()
              + (Files.isWritable(runtime.home().root()) ? " (writable)" : " (NOT writable)"));
      out.println(
          "config:          "
              + (Files.exists(runtime.home().configFile())
                  ? runtime.home().configFile().toString()
                  : "none (" + runtime.home().configFile() + " is optional)"));
      out.println(
          "kernel config:   heap "
              + runtime.config().heapMiB()
              + " MiB, timeout "
              + runtime.config().timeoutSeconds()
              + " s, sandbox "
              + runtime.config().sandbox().name().toLowerCase(java.util.Locale.ROOT)
              + ", spare kernel "
              + (runtime.kernelOptions().spareKernel()
                  ? "on"
                  : runtime.config().spareKernel()
                      ? "off ("
                          + OrcaRuntime.SPARE_SWITCH_ENV
                          + "=off or -D"
                          + OrcaRuntime.SPARE_SWITCH
                          + "=off)"
                      : "off ([kernel] spare = false)"));
      printModel(out, runtime.config().model());
      out.flush();
      long start = System.nanoTime();
      Kernel kernel;
      try {
        kernel = runtime.kernel();
      } catch (RuntimeException e) {
        out.println("kernel:          FAILED to start: " + e.getMessage());
        return ExitCodes.FAILED;
      }
      ExecutionResult probe = kernel.execute("1 + 1", Duration.ofSeconds(30));
      Duration total = Duration.ofNanos(System.nanoTime() - start);
      KernelInfo info = kernel.info();
      out.println(
          "kernel JDK:      "
              + info.javaVersion()
              + " (pid "
              + info.pid()
              + ", workspace "
              + info.workspace()
              + ")");
      out.println(
          "kernel start:    "
              + info.startTime().toMillis()
              + " ms (process start to first result); first cell answered after "
              + total.toMillis()
              + " ms");
      out.println("kernel heap:     " + info.heapLimitMiB() + " MiB limit");
      List<String> layers = new ArrayList<>();
      String cds = "unknown";
      for (String layer : info.sandboxLayers()) {
        if (layer.startsWith(StartupCache.LAYER)) {
          cds = layer.substring(StartupCache.LAYER.length()).strip();
        } else {
          layers.add(layer);
        }
      }
      out.println("sandbox layers:  " + String.join(", ", layers));
      out.println("kernel CDS:      " + cds);
      out.println(
          "kernel cache:    "
              + StartupCache.forWorkspace(runtime.home().workspace()).describeState());
      if (!(probe instanceof ExecutionResult.Success s) || !"2".equals(s.value())) {
        out.println("kernel check:    FAILED (1 + 1 gave " + probe + ")");
        return ExitCodes.FAILED;
      }
      out.println("kernel check:    ok (1 + 1 = 2)");
      return ExitCodes.OK;
    }
  }

  static void printModel(PrintWriter out, Map<String, String> model) {
    if (model.isEmpty()) {
      out.println(
          "model:           none configured. Add to config.toml:\n"
              + "                   [model]\n"
              + "                   provider = \"anthropic\"   # or openai, ollama, gemini\n"
              + "                   name = \"claude-sonnet-4-5\"\n"
              + "                 and set the provider's key (e.g. ANTHROPIC_API_KEY), or pass"
              + " --model PROVIDER:MODEL to orca run.\n"
              + "                 Without a model, orca repl and orca mcp work.");
      return;
    }
    StringBuilder sb = new StringBuilder();
    model.forEach(
        (k, v) -> {
          if (sb.length() > 0) {
            sb.append(", ");
          }
          boolean secret = k.toLowerCase(java.util.Locale.ROOT).matches(".*(key|token|secret).*");
          sb.append(k).append(" = ").append(secret ? "(set, hidden)" : v);
        });
    out.println("model:           " + sb);
  }
}
