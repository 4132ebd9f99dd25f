package dev.orca.kernelagent.guard;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;

/**
 * What {@code new RandomAccessFile(...)} in kernel code becomes: the file is checked against the
 * workspace and writes are charged to the disk cap. ({@code writeBytes(String)} and {@code
 * writeChars(String)}, which are final, are refused by the bytecode policy.)
 */
public class CappedRandomAccessFile extends RandomAccessFile {

  /** See {@link RandomAccessFile#RandomAccessFile(String, String)}. */
  public CappedRandomAccessFile(String name, String mode) throws FileNotFoundException {
    super(
        mode.contains("w") ? WorkspaceGuard.writeName(name) : WorkspaceGuard.openName(name), mode);
  }

  /** See {@link RandomAccessFile#RandomAccessFile(File, String)}. */
  public CappedRandomAccessFile(File file, String mode) throws FileNotFoundException {
    super(mode.contains("w") ? WorkspaceGuard.write(file) : WorkspaceGuard.open(file), mode);
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

  @Override
  public void setLength(long newLength) throws IOException {
    long grow = newLength - length();
    if (grow > 0) {
      DiskGuard.charge(grow);
    }
    super.setLength(newLength);
  }
}
