package dev.orca.skills.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernel.Kernel;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads requested from inside a running cell ({@code loadSessionState(name)} in kernel code).
 *
 * <p>A cell cannot replace the kernel it runs in: the request is validated and remembered, and the
 * runtime calls {@link #applyPending(Kernel)} right after the cell ends, which restores the session
 * into the kernel and returns the report (the runtime shows it to the model or the user). Only the
 * latest request is kept. Thread-safe.
 */
public final class SessionLoader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final SessionService service;
  private final AtomicReference<String> pending = new AtomicReference<>();

  /**
   * Creates a loader.
   *
   * @param service the sessions
   */
  public SessionLoader(SessionService service) {
    this.service = Objects.requireNonNull(service, "service");
  }

  /**
   * Remembers a load to apply after the current cell.
   *
   * @param name the session's name
   * @return {@code {pending: true, name, path, message, variables:[{name, how}], functions,
   *     agents}}
   * @throws dev.orca.core.OrcaException when there is no such session
   */
  public ObjectNode request(String name) {
    SessionManifest m =
        service
            .store()
            .manifest(SessionName.check(name))
            .orElseGet(() -> service.store().load(name).manifest());
    pending.set(name);
    ObjectNode node = describe(name, m);
    node.put("pending", true);
    node.put(
        "message",
        "Session '"
            + name
            + "' will be loaded when this cell ends: the kernel's state is then replaced by the"
            + " session's ("
            + m.variables().size()
            + " variable(s), "
            + m.definitions()
            + " definition(s)); the load report follows the cell's result. Do not rely on the"
            + " session's variables inside this cell.");
    return node;
  }

  /** {@code {name, path, variables:[{name, how}], functions, agents}} of a saved session. */
  ObjectNode describe(String name, SessionManifest m) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("name", name);
    node.put("path", service.store().directory(name).toString());
    ArrayNode vars = node.putArray("variables");
    for (SavedVariable v : m.variables()) {
      vars.addObject().put("name", v.name()).put("how", v.describeHow());
    }
    ArrayNode functions = node.putArray("functions");
    ArrayNode agents = node.putArray("agents");
    for (SkillReference s : m.skills()) {
      (s.kind().equals("function") ? functions : agents).add(s.name() + "@" + s.version());
    }
    return node;
  }

  /** The session a load is pending for, if any. */
  public Optional<String> pending() {
    return Optional.ofNullable(pending.get());
  }

  /**
   * Applies the pending load, if any. The runtime calls this after every cell, between cells.
   *
   * @param kernel the kernel whose state is replaced
   * @return the load's report, or empty when no load was pending
   */
  public Optional<LoadReport> applyPending(Kernel kernel) {
    String name = pending.getAndSet(null);
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(service.loadInto(name, kernel));
  }
}
