package dev.orca.kernelagent.engine;

import dev.orca.kernelagent.policy.ClassGuard;
import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Hands JShell the one {@link GuardedExecutionControl} of this kernel. */
final class GuardedExecutionControlProvider implements ExecutionControlProvider {
  private final GuardedExecutionControl control;

  GuardedExecutionControlProvider(ClassGuard guard) {
    this.control = new GuardedExecutionControl(guard);
  }

  GuardedExecutionControl control() {
    return control;
  }

  @Override
  public String name() {
    return "orca-guarded-local";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    return control;
  }
}
