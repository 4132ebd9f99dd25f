package dev.orca.tools.search.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Embeddings on disk, one append-only file per model: each record is the SHA-256 of (model id,
 * text) followed by the vector. Loaded once into memory; new vectors are appended under a file lock
 * so several processes can share the cache. A missing directory means no disk cache (memory only).
 * A damaged tail is ignored (those texts are embedded again).
 */
public final class EmbeddingCache {

  private static final int KEY_BYTES = 32;

  private final String modelId;
  private final int dimension;
  private final Path file;
  private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

  /**
   * Opens (or starts) the cache.
   *
   * @param directory where the cache file lives, or {@code null} for a memory-only cache
   * @param modelId identifies the model (part of every key and of the file name)
   * @param dimension the vectors' length
   */
  public EmbeddingCache(Path directory, String modelId, int dimension) {
    this.modelId = modelId;
    this.dimension = dimension;
    this.file =
        directory == null
            ? null
            : directory.resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".bin");
    if (file != null && Files.isRegularFile(file)) {
      load();
    }
  }

  /** The number of cached vectors. */
  public int size() {
    return vectors.size();
  }

  /**
   * The cached vector for a text.
   *
   * @param text the embedded text
   * @return the vector, or {@code null} when not cached
   */
  public float[] get(String text) {
    return vectors.get(key(text));
  }

  /**
   * Stores vectors (in memory and, when a directory was given, on disk).
   *
   * @param byText vectors by the text they embed
   */
  public void putAll(Map<String, float[]> byText) {
    if (byText.isEmpty()) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.allocate(byText.size() * (KEY_BYTES + dimension * 4));
    HexFormat hex = HexFormat.of();
    for (Map.Entry<String, float[]> e : byText.entrySet()) {
      if (e.getValue().length != dimension) {
        throw new IllegalArgumentException(
            "vector of length " + e.getValue().length + ", expected " + dimension);
      }
      String key = key(e.getKey());
      vectors.put(key, e.getValue());
      buffer.put(hex.parseHex(key));
      for (float f : e.getValue()) {
        buffer.putFloat(f);
      }
    }
    if (file == null) {
      return;
    }
    buffer.flip();
    try {
      Files.createDirectories(file.getParent());
      try (FileChannel channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE,
                  StandardOpenOption.APPEND);
          FileLock lock = channel.lock()) {
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
      }
    } catch (IOException e) {
      // The cache is an optimisation: a read-only home only costs time on the next start.
      System.err.println("orca: could not write the embedding cache " + file + ": " + e);
    }
  }

  private void load() {
    HexFormat hex = HexFormat.of();
    byte[] key = new byte[KEY_BYTES];
    try (InputStream in = Files.newInputStream(file);
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16))) {
      while (true) {
        try {
          data.readFully(key);
          float[] v = new float[dimension];
          for (int i = 0; i < dimension; i++) {
            v[i] = data.readFloat();
          }
          vectors.put(hex.formatHex(key), v);
        } catch (EOFException end) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding cache " + file, e);
    }
  }

  private String key(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(modelId.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
