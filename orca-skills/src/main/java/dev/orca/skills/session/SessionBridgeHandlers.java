package dev.orca.skills.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    // Another process checkpoints that session after every cell: a save would be overwritten, or
    // overwrite its work.
    SessionLock.checkNotHeldElsewhere(
        service.store().root(), name, "saveSessionState(\"" + name + "\")");
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
   * With {@code immediate: true} (callers outside a cell, e.g. the MCP tool) the answer carries the
   * session's {@code snapshot} to restore at once instead.
   *
   * @param args the call's arguments
   * @return {@code {pending: true, name, message, variables, functions, agents}}, or with {@code
   *     immediate} {@code {pending: false, snapshot, ...}}
   */
  public JsonNode loadSessionState(JsonNode args) {
    String name = name(args, "loadSessionState");
    if (args.path("immediate").asBoolean(false)) {
      // Outside a cell (an MCP tool, the REPL): hand the snapshot over to be restored at once.
      LoadedSession loaded = service.store().load(name);
      ObjectNode out = loader.describe(name, loaded.manifest());
      out.put("pending", false);
      out.set("snapshot", SnapshotJson.toJson(loaded.snapshot()));
      loaded.interrupted().ifPresent(r -> out.put("interrupted", r.describe()));
      return out;
    }
    return loader.request(name);
  }

  private static String name(JsonNode args, String method) {
    JsonNode name = args == null ? null : args.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw OrcaException.invalid(method + " needs a session name, e.g. " + method + "(\"work\").");
    }
    return SessionName.check(name.asText());
  }
}
