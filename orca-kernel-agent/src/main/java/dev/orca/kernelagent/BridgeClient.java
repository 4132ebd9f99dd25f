package dev.orca.kernelagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernelagent.api.OrcaCallException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Kernel → host calls over the kernel's own channel. Many calls may be in flight at once (a cell
 * may fan out); each blocks its calling thread until the host answers, the host reports an error,
 * or the cell is stopped.
 */
final class BridgeClient {
  private final Channel channel;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  BridgeClient(Channel channel) {
    this.channel = channel;
  }

  JsonNode call(String method, ObjectNode args) {
    long id = ids.incrementAndGet();
    CompletableFuture<JsonNode> future = new CompletableFuture<>();
    pending.put(id, future);
    ObjectNode message = Channel.object();
    message.put("op", "bridge");
    message.put("callId", id);
    message.put("method", method);
    message.set("args", args);
    try {
      channel.write(message);
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OrcaCallException(method + " was interrupted");
    } catch (ExecutionException e) {
      throw new OrcaCallException(e.getCause().getMessage());
    } finally {
      pending.remove(id);
    }
  }

  /** Completes a call with the host's reply. */
  void complete(JsonNode reply) {
    CompletableFuture<JsonNode> future = pending.get(reply.path("callId").asLong());
    if (future == null) {
      return;
    }
    if (reply.hasNonNull("error")) {
      future.completeExceptionally(new OrcaCallException(reply.get("error").asText()));
    } else {
      future.complete(reply.path("result"));
    }
  }

  /** Fails every call in flight (the cell was stopped). */
  void cancelAll(String why) {
    for (CompletableFuture<JsonNode> future : pending.values()) {
      future.completeExceptionally(new OrcaCallException(why));
    }
  }
}
