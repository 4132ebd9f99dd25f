package dev.orca.kernelagent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The kernel's side of the host channel: one JSON object per line over the process's own stdin and
 * stdout (pipes, so it works inside an OS sandbox with no network). Writes are serialized; reads
 * happen on one thread.
 */
public final class Channel {
  /** The mapper used for every protocol message. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private final BufferedReader in;
  private final OutputStream out;

  /**
   * Creates a channel over raw streams.
   *
   * @param in the host's requests
   * @param out where replies go (the process's real stdout, not {@code System.out})
   */
  public Channel(InputStream in, OutputStream out) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    this.out = out;
  }

  /** Reads the next message, or {@code null} at end of input (the host went away). */
  public JsonNode read() throws IOException {
    String line = in.readLine();
    if (line == null) {
      return null;
    }
    return JSON.readTree(line);
  }

  /** Writes one message as a line. */
  public synchronized void write(JsonNode message) {
    try {
      byte[] bytes = JSON.writeValueAsBytes(message);
      out.write(bytes);
      out.write('\n');
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new empty message object. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
