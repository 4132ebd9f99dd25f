package dev.orca.kernelagent.guard;

import java.io.File;
import java.io.FileWriter;
import java.io.IOException;
import java.nio.charset.Charset;

/**
 * What {@code new FileWriter(...)} in kernel code becomes: the file is checked against the
 * workspace and every write is charged to the disk cap (one byte per character, an estimate).
 */
public class CappedFileWriter extends FileWriter {

  /** See {@link FileWriter#FileWriter(String)}. */
  public CappedFileWriter(String name) throws IOException {
    super(WorkspaceGuard.writeName(name));
  }

  /** See {@link FileWriter#FileWriter(String, boolean)}. */
  public CappedFileWriter(String name, boolean append) throws IOException {
    super(WorkspaceGuard.writeName(name), append);
  }

  /** See {@link FileWriter#FileWriter(File)}. */
  public CappedFileWriter(File file) throws IOException {
    super(WorkspaceGuard.write(file));
  }

  /** See {@link FileWriter#FileWriter(File, boolean)}. */
  public CappedFileWriter(File file, boolean append) throws IOException {
    super(WorkspaceGuard.write(file), append);
  }

  /** See {@link FileWriter#FileWriter(String, Charset)}. */
  public CappedFileWriter(String name, Charset charset) throws IOException {
    super(WorkspaceGuard.writeName(name), charset);
  }

  /** See {@link FileWriter#FileWriter(String, Charset, boolean)}. */
  public CappedFileWriter(String name, Charset charset, boolean append) throws IOException {
    super(WorkspaceGuard.writeName(name), charset, append);
  }

  /** See {@link FileWriter#FileWriter(File, Charset)}. */
  public CappedFileWriter(File file, Charset charset) throws IOException {
    super(WorkspaceGuard.write(file), charset);
  }

  /** See {@link FileWriter#FileWriter(File, Charset, boolean)}. */
  public CappedFileWriter(File file, Charset charset, boolean append) throws IOException {
    super(WorkspaceGuard.write(file), charset, append);
  }

  @Override
  public void write(int c) throws IOException {
    DiskGuard.charge(1);
    super.write(c);
  }

  @Override
  public void write(char[] cbuf, int off, int len) throws IOException {
    DiskGuard.charge(len);
    super.write(cbuf, off, len);
  }

  @Override
  public void write(String str, int off, int len) throws IOException {
    DiskGuard.charge(len);
    super.write(str, off, len);
  }
}
