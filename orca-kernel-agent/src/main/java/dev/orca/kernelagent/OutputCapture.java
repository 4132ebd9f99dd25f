package dev.orca.kernelagent;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A bounded sink for what kernel code prints. Keeps the first {@code cap} bytes of each cell's
 * output and counts the rest, so a runaway print loop costs no memory.
 */
public final class OutputCapture extends OutputStream {
  private final int cap;
  private byte[] buffer = new byte[1024];
  private int size;
  private long dropped;

  /**
   * Creates a capture.
   *
   * @param capBytes how many bytes to keep per cell
   */
  public OutputCapture(int capBytes) {
    this.cap = capBytes;
  }

  /** A print stream over this capture. */
  public PrintStream printStream() {
    return new PrintStream(this, true, StandardCharsets.UTF_8) {
      @Override
      public void close() {
        flush();
      }
    };
  }

  @Override
  public synchronized void write(int b) {
    if (size >= cap) {
      dropped++;
      return;
    }
    ensure(size + 1);
    buffer[size++] = (byte) b;
  }

  @Override
  public synchronized void write(byte[] b, int off, int len) {
    int room = Math.max(0, cap - size);
    int take = Math.min(room, len);
    if (take > 0) {
      ensure(size + take);
      System.arraycopy(b, off, buffer, size, take);
      size += take;
    }
    dropped += len - take;
  }

  private void ensure(int needed) {
    if (needed > buffer.length) {
      byte[] bigger = new byte[Math.min(cap, Math.max(needed, buffer.length * 2))];
      System.arraycopy(buffer, 0, bigger, 0, size);
      buffer = bigger;
    }
  }

  /** Kernel code may close {@code System.out}; the capture stays open for the next cell. */
  @Override
  public void close() {}

  /** Returns what was captured since the last call and starts afresh. */
  public synchronized Captured drain() {
    String text = new String(buffer, 0, size, StandardCharsets.UTF_8);
    boolean truncated = dropped > 0;
    size = 0;
    dropped = 0;
    if (buffer.length > 64 * 1024) {
      buffer = new byte[1024];
    }
    return new Captured(text, truncated);
  }

  /**
   * Text captured for one cell.
   *
   * @param text the kept text
   * @param truncated whether more was printed than kept
   */
  public record Captured(String text, boolean truncated) {}
}
