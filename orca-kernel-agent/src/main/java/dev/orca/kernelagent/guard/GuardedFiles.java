package dev.orca.kernelagent.guard;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The writing methods of {@link Files} as kernel code gets them: same signatures, the target
 * checked against the workspace and the bytes charged to the disk cap. The bytecode policy
 * redirects each call to {@code Files.x(...)} here; other {@code Files} methods keep their own code
 * and only have their {@link Path} arguments checked.
 */
public final class GuardedFiles {

  private GuardedFiles() {}

  /** See {@link Files#newOutputStream(Path, OpenOption...)}. */
  public static OutputStream newOutputStream(Path path, OpenOption... options) throws IOException {
    WorkspaceGuard.write(path);
    return new CappedOutputStream(Files.newOutputStream(path, options));
  }

  /** See {@link Files#newBufferedWriter(Path, Charset, OpenOption...)}. */
  public static BufferedWriter newBufferedWriter(Path path, Charset cs, OpenOption... options)
      throws IOException {
    return new BufferedWriter(
        new OutputStreamWriter(newOutputStream(path, options), cs.newEncoder()));
  }

  /** See {@link Files#newBufferedWriter(Path, OpenOption...)}. */
  public static BufferedWriter newBufferedWriter(Path path, OpenOption... options)
      throws IOException {
    return newBufferedWriter(path, StandardCharsets.UTF_8, options);
  }

  /** See {@link Files#write(Path, byte[], OpenOption...)}. */
  public static Path write(Path path, byte[] bytes, OpenOption... options) throws IOException {
    WorkspaceGuard.write(path);
    DiskGuard.charge(bytes.length);
    return Files.write(path, bytes, options);
  }

  /** See {@link Files#write(Path, Iterable, Charset, OpenOption...)}. */
  public static Path write(
      Path path, Iterable<? extends CharSequence> lines, Charset cs, OpenOption... options)
      throws IOException {
    try (BufferedWriter writer = newBufferedWriter(path, cs, options)) {
      for (CharSequence line : lines) {
        writer.append(line);
        writer.newLine();
      }
    }
    return path;
  }

  /** See {@link Files#write(Path, Iterable, OpenOption...)}. */
  public static Path write(Path path, Iterable<? extends CharSequence> lines, OpenOption... options)
      throws IOException {
    return write(path, lines, StandardCharsets.UTF_8, options);
  }

  /** See {@link Files#writeString(Path, CharSequence, OpenOption...)}. */
  public static Path writeString(Path path, CharSequence csq, OpenOption... options)
      throws IOException {
    return writeString(path, csq, StandardCharsets.UTF_8, options);
  }

  /** See {@link Files#writeString(Path, CharSequence, Charset, OpenOption...)}. */
  public static Path writeString(Path path, CharSequence csq, Charset cs, OpenOption... options)
      throws IOException {
    WorkspaceGuard.write(path);
    DiskGuard.charge(csq.length());
    return Files.writeString(path, csq, cs, options);
  }

  /** See {@link Files#copy(InputStream, Path, CopyOption...)}. */
  public static long copy(InputStream in, Path target, CopyOption... options) throws IOException {
    WorkspaceGuard.write(target);
    boolean replace = Arrays.asList(options).contains(StandardCopyOption.REPLACE_EXISTING);
    if (replace) {
      Files.deleteIfExists(target);
    }
    try (OutputStream out = newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
      return in.transferTo(out);
    }
  }

  /** See {@link Files#copy(Path, Path, CopyOption...)}. */
  public static Path copy(Path source, Path target, CopyOption... options) throws IOException {
    WorkspaceGuard.check(source);
    WorkspaceGuard.write(target);
    if (Files.isRegularFile(source)) {
      DiskGuard.charge(Files.size(source));
    }
    return Files.copy(source, target, options);
  }

  /** See {@link Files#copy(Path, OutputStream)}. */
  public static long copy(Path source, OutputStream out) throws IOException {
    WorkspaceGuard.open(source);
    return Files.copy(source, out);
  }

  /** See {@link Files#newByteChannel(Path, OpenOption...)}. */
  public static SeekableByteChannel newByteChannel(Path path, OpenOption... options)
      throws IOException {
    return open(path, options);
  }

  /** See {@link Files#newByteChannel(Path, Set, FileAttribute...)}. */
  public static SeekableByteChannel newByteChannel(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    return open(path, options, attrs);
  }

  /** See {@link FileChannel#open(Path, OpenOption...)}. */
  public static FileChannel open(Path path, OpenOption... options) throws IOException {
    return open(path, new HashSet<>(List.of(options)));
  }

  /** See {@link FileChannel#open(Path, Set, FileAttribute...)}. */
  public static FileChannel open(
      Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
    boolean writes =
        options.contains(StandardOpenOption.WRITE) || options.contains(StandardOpenOption.APPEND);
    if (writes) {
      WorkspaceGuard.write(path);
    } else {
      WorkspaceGuard.open(path);
    }
    FileChannel channel = FileChannel.open(path, options, attrs);
    return writes ? new CappedFileChannel(channel) : channel;
  }

  /** An output stream whose writes are charged to the disk cap. */
  private static final class CappedOutputStream extends OutputStream {
    private final OutputStream out;

    CappedOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
      DiskGuard.charge(1);
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      DiskGuard.charge(len);
      out.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.close();
    }
  }
}
