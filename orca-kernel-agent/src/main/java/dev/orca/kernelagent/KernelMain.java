package dev.orca.kernelagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.api.Orca;
import dev.orca.kernelagent.engine.SnippetEngine;
import dev.orca.kernelagent.guard.GuardConfig;
import dev.orca.kernelagent.policy.ClassGuard;
import dev.orca.kernelagent.policy.PolicyClassGuard;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Entry point of the kernel JVM. Speaks JSON lines with the host over stdin/stdout; kernel code's
 * own {@code System.out}/{@code System.err} go to bounded per-cell captures instead.
 *
 * <p>Arguments: {@code --output-cap N} (bytes kept per stream per cell), {@code --value-cap N}
 * (chars of a value's text), {@code --policy on|off} (the bytecode policy).
 */
public final class KernelMain {
  private KernelMain() {}

  /**
   * Runs the kernel until the host closes the channel.
   *
   * @param args see the class comment
   */
  public static void main(String[] args) throws IOException {
    long started = System.nanoTime();
    int outputCap = intArg(args, "--output-cap", 20_000);
    int valueCap = intArg(args, "--value-cap", 20_000);
    boolean policy = !"off".equals(stringArg(args, "--policy", "on"));

    FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
    Channel channel = new Channel(new FileInputStream(FileDescriptor.in), protocolOut);
    OutputCapture out = new OutputCapture(outputCap * 4);
    OutputCapture err = new OutputCapture(outputCap * 4);
    PrintStream hostLog = new PrintStream(new FileOutputStream(FileDescriptor.err), true);
    System.setOut(out.printStream());
    System.setErr(err.printStream());
    System.setIn(new ByteArrayInputStream(new byte[0]));

    SnippetEngine engine;
    try {
      if (policy) {
        GuardConfig.install(Path.of(System.getProperty("user.dir")));
      }
      engine = new SnippetEngine(guard(policy), out, err, valueCap);
    } catch (RuntimeException e) {
      hostLog.println("orca kernel: failed to start: " + e);
      e.printStackTrace(hostLog);
      System.exit(3);
      return;
    }
    BridgeClient bridge = new BridgeClient(channel);
    Orca.install(new EngineAccess(engine, bridge));
    RequestHandler handler = new RequestHandler(engine);
    Warmup warmup =
        new Warmup(
            guard(policy),
            valueCap,
            () -> {
              ObjectNode trained = Channel.object();
              trained.put("op", "trained");
              channel.write(trained);
            });
    ThreadPoolExecutor worker =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "orca-kernel-main");
              t.setDaemon(true);
              return t;
            });
    IdleDeclarations idle = new IdleDeclarations(engine, worker);

    ObjectNode ready = Channel.object();
    ready.put("op", "ready");
    ready.put("pid", ProcessHandle.current().pid());
    ready.put("javaVersion", Runtime.version().toString());
    ready.put("startMillis", (System.nanoTime() - started) / 1_000_000);
    channel.write(ready);

    JsonNode message;
    while ((message = channel.read()) != null) {
      String op = message.path("op").asText();
      switch (op) {
        case "stop":
          engine.stop();
          bridge.cancelAll("the cell was stopped while waiting for the host");
          break;
        case "bridgeReply":
          bridge.complete(message);
          break;
        case "shutdown":
          Runtime.getRuntime().halt(0);
          break;
        case "warmup":
          // A spare kernel: train the JIT until the first real request (see Warmup).
          warmup.start();
          break;
        default:
          JsonNode request = message;
          worker.execute(
              () -> {
                warmup.abort();
                channel.write(handler.handle(request));
                idle.schedule();
              });
      }
    }
    Runtime.getRuntime().halt(0);
  }

  private static ClassGuard guard(boolean policy) {
    return policy ? new PolicyClassGuard() : ClassGuard.PERMIT_ALL;
  }

  private static int intArg(String[] args, String name, int fallback) {
    String value = stringArg(args, name, null);
    return value == null ? fallback : Integer.parseInt(value);
  }

  private static String stringArg(String[] args, String name, String fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return fallback;
  }
}
