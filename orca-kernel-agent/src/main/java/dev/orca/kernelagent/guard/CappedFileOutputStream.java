package dev.orca.kernelagent.guard;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * What {@code new FileOutputStream(...)} in kernel code becomes: the file is checked against the
 * workspace and every write is charged to the disk cap.
 */
public class CappedFileOutputStream extends FileOutputStream {

  /** Opens a file by name; see {@link FileOutputStream#FileOutputStream(String)}. */
  public CappedFileOutputStream(String name) throws FileNotFoundException {
    super(WorkspaceGuard.writeName(name));
  }

  /** Opens a file by name; see {@link FileOutputStream#FileOutputStream(String, boolean)}. */
  public CappedFileOutputStream(String name, boolean append) throws FileNotFoundException {
    super(WorkspaceGuard.writeName(name), append);
  }

  /** Opens a file; see {@link FileOutputStream#FileOutputStream(File)}. */
  public CappedFileOutputStream(File file) throws FileNotFoundException {
    super(WorkspaceGuard.write(file));
  }

  /** Opens a file; see {@link FileOutputStream#FileOutputStream(File, boolean)}. */
  public CappedFileOutputStream(File file, boolean append) throws FileNotFoundException {
    super(WorkspaceGuard.write(file), append);
  }

  @Override
  public void write(int b) throws IOException {
    DiskGuard.charge(1);
    super.write(b);
  }

  @Override
  public void write(byte[] b) throws IOException {
    DiskGuard.charge(b.length);
    super.write(b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    DiskGuard.charge(len);
    super.write(b, off, len);
  }
}
