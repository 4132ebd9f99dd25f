package dev.orca.skills.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.core.OrcaException;
import java.util.Objects;

/**
 * The host side of the kernel built-ins {@code saveSessionState} and {@code loadSessionState}.
 * Register them on the bridge router:
 *
 * <pre>{@code
 * router.register("saveSessionState", handlers::saveSessionState);
 * router.register("loadSessionState", handlers::loadSessionState);
 * }</pre>
 */
public final class SessionBridgeHandlers {
  private final SessionService service;
  private final SessionLoader loader;

  /**
   * Creates the handlers.
   *
   * @param service the sessions
   * @param loader where loads requested from a cell wait for the cell to end
   */
  public SessionBridgeHandlers(SessionService service, SessionLoader loader) {
    this.service = Objects.requireNonNull(service, "service");
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /**
   * {@code {name, snapshot}} → {@code {path, variables:[{name, how}], functions, agents}}.
   *
   * @param args the call's arguments
   * @return what was written
   */
  public JsonNode saveSessionState(JsonNode args) {
    String name = name(args, "saveSessionState");
    JsonNode snapshot = args.get("snapshot");
    if (snapshot == null || snapshot.isNull()) {
      throw OrcaException.invalid(
          "saveSessionState needs the kernel's snapshot; call it as saveSessionState(\""
              + name
              + "\") from kernel code.");
    }
    return service.save(name, SnapshotJson.fromJson(snapshot)).toJson();
  }

  /**
   * {@code {name}} → a pending-load answer: the load replaces the kernel's state after the cell.
   *
   * @param args the call's arguments
   * @return {@code {pending: true, name, message, variables, functions, agents}}
   */
  public JsonNode loadSessionState(JsonNode args) {
    return loader.request(name(args, "loadSessionState"));
  }

  private static String name(JsonNode args, String method) {
    JsonNode name = args == null ? null : args.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw OrcaException.invalid(method + " needs a session name, e.g. " + method + "(\"work\").");
    }
    return SessionName.check(name.asText());
  }
}
