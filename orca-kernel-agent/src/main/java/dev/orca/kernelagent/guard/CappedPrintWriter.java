package dev.orca.kernelagent.guard;

import java.io.BufferedWriter;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UnsupportedEncodingException;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * What {@code new PrintWriter(...)} in kernel code becomes: when it opens a file, the file goes
 * through {@link CappedFileOutputStream} (workspace check, disk cap); otherwise it behaves exactly
 * like {@link PrintWriter}.
 */
public class CappedPrintWriter extends PrintWriter {

  /** See {@link PrintWriter#PrintWriter(Writer)}. */
  public CappedPrintWriter(Writer out) {
    super(out);
  }

  /** See {@link PrintWriter#PrintWriter(Writer, boolean)}. */
  public CappedPrintWriter(Writer out, boolean autoFlush) {
    super(out, autoFlush);
  }

  /** See {@link PrintWriter#PrintWriter(OutputStream)}. */
  public CappedPrintWriter(OutputStream out) {
    super(out);
  }

  /** See {@link PrintWriter#PrintWriter(OutputStream, boolean)}. */
  public CappedPrintWriter(OutputStream out, boolean autoFlush) {
    super(out, autoFlush);
  }

  /** See {@link PrintWriter#PrintWriter(OutputStream, boolean, Charset)}. */
  public CappedPrintWriter(OutputStream out, boolean autoFlush, Charset charset) {
    super(out, autoFlush, charset);
  }

  /** See {@link PrintWriter#PrintWriter(String)}. */
  public CappedPrintWriter(String fileName) throws FileNotFoundException {
    super(writer(new CappedFileOutputStream(fileName), Charset.defaultCharset()), false);
  }

  /** See {@link PrintWriter#PrintWriter(String, String)}. */
  public CappedPrintWriter(String fileName, String csn)
      throws FileNotFoundException, UnsupportedEncodingException {
    super(writer(new CappedFileOutputStream(fileName), charset(csn)), false);
  }

  /** See {@link PrintWriter#PrintWriter(String, Charset)}. */
  public CappedPrintWriter(String fileName, Charset charset) throws FileNotFoundException {
    super(writer(new CappedFileOutputStream(fileName), charset), false);
  }

  /** See {@link PrintWriter#PrintWriter(File)}. */
  public CappedPrintWriter(File file) throws FileNotFoundException {
    super(writer(new CappedFileOutputStream(file), Charset.defaultCharset()), false);
  }

  /** See {@link PrintWriter#PrintWriter(File, String)}. */
  public CappedPrintWriter(File file, String csn)
      throws FileNotFoundException, UnsupportedEncodingException {
    super(writer(new CappedFileOutputStream(file), charset(csn)), false);
  }

  /** See {@link PrintWriter#PrintWriter(File, Charset)}. */
  public CappedPrintWriter(File file, Charset charset) throws FileNotFoundException {
    super(writer(new CappedFileOutputStream(file), charset), false);
  }

  private static Writer writer(OutputStream out, Charset charset) {
    return new BufferedWriter(new OutputStreamWriter(out, charset));
  }

  private static Charset charset(String csn) throws UnsupportedEncodingException {
    try {
      return Charset.forName(csn);
    } catch (IllegalArgumentException e) {
      throw new UnsupportedEncodingException(csn);
    }
  }
}
