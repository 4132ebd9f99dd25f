package dev.orca.kernelagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.engine.SnippetEngine;

/** Answers the host's requests, one at a time, on the kernel's main thread. */
final class RequestHandler {
  private final SnippetEngine engine;

  RequestHandler(SnippetEngine engine) {
    this.engine = engine;
  }

  ObjectNode handle(JsonNode request) {
    ObjectNode reply = Channel.object();
    reply.put("op", "reply");
    reply.set("id", request.path("id"));
    try {
      JsonNode result = dispatch(request);
      reply.put("ok", true);
      reply.set("result", result);
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      reply.put("ok", false);
      reply.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
    }
    return reply;
  }

  private JsonNode dispatch(JsonNode request) {
    String op = request.path("op").asText();
    switch (op) {
      case "execute":
        return engine.execute(request.path("code").asText());
      case "variables":
        return engine.variables();
      case "inspect":
        {
          String name = request.path("name").asText();
          ObjectNode node = engine.inspect(name);
          if (node == null) {
            throw new IllegalArgumentException(
                "no variable named '" + name + "' (" + engine.variableNames() + ")");
          }
          return node;
        }
      case "complete":
        return engine.complete(request.path("code").asText(), request.path("cursor").asInt());
      case "completeness":
        return Channel.JSON
            .getNodeFactory()
            .booleanNode(engine.isComplete(request.path("code").asText()));
      case "snapshot":
        return engine.snapshot();
      case "restore":
        return engine.restore(request);
      case "addClasspath":
        engine.addToClasspath(request.path("path").asText());
        return Channel.JSON.getNodeFactory().booleanNode(true);
      default:
        throw new IllegalArgumentException("unknown request: " + op);
    }
  }
}
