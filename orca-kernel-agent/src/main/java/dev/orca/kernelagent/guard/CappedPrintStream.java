package dev.orca.kernelagent.guard;

import java.io.File;
import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;

/**
 * What {@code new PrintStream(...)} in kernel code becomes: when it opens a file, the file goes
 * through {@link CappedFileOutputStream} (workspace check, disk cap); otherwise it behaves exactly
 * like {@link PrintStream}.
 */
public class CappedPrintStream extends PrintStream {

  /** See {@link PrintStream#PrintStream(OutputStream)}. */
  public CappedPrintStream(OutputStream out) {
    super(out);
  }

  /** See {@link PrintStream#PrintStream(OutputStream, boolean)}. */
  public CappedPrintStream(OutputStream out, boolean autoFlush) {
    super(out, autoFlush);
  }

  /** See {@link PrintStream#PrintStream(OutputStream, boolean, String)}. */
  public CappedPrintStream(OutputStream out, boolean autoFlush, String encoding)
      throws UnsupportedEncodingException {
    super(out, autoFlush, encoding);
  }

  /** See {@link PrintStream#PrintStream(OutputStream, boolean, Charset)}. */
  public CappedPrintStream(OutputStream out, boolean autoFlush, Charset charset) {
    super(out, autoFlush, charset);
  }

  /** See {@link PrintStream#PrintStream(String)}. */
  public CappedPrintStream(String fileName) throws FileNotFoundException {
    super(new CappedFileOutputStream(fileName), false);
  }

  /** See {@link PrintStream#PrintStream(String, String)}. */
  public CappedPrintStream(String fileName, String csn)
      throws FileNotFoundException, UnsupportedEncodingException {
    super(new CappedFileOutputStream(fileName), false, csn);
  }

  /** See {@link PrintStream#PrintStream(String, Charset)}. */
  public CappedPrintStream(String fileName, Charset charset) throws FileNotFoundException {
    super(new CappedFileOutputStream(fileName), false, charset);
  }

  /** See {@link PrintStream#PrintStream(File)}. */
  public CappedPrintStream(File file) throws FileNotFoundException {
    super(new CappedFileOutputStream(file), false);
  }

  /** See {@link PrintStream#PrintStream(File, String)}. */
  public CappedPrintStream(File file, String csn)
      throws FileNotFoundException, UnsupportedEncodingException {
    super(new CappedFileOutputStream(file), false, csn);
  }

  /** See {@link PrintStream#PrintStream(File, Charset)}. */
  public CappedPrintStream(File file, Charset charset) throws FileNotFoundException {
    super(new CappedFileOutputStream(file), false, charset);
  }
}
