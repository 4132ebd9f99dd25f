package dev.orca.cli.repl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a non-terminal stream (a script on stdin), decoding each line strictly as UTF-8
 * so that bad bytes are reported instead of silently replaced.
 */
final class StreamLineSource implements LineSource {

  private final InputStream in;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private long lineNumber;
  private boolean eof;

  StreamLineSource(InputStream in) {
    this.in = in;
  }

  @Override
  public String readLine(boolean continuation) {
    if (eof) {
      return null;
    }
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try {
      int b;
      while ((b = in.read()) >= 0 && b != '\n') {
        line.write(b);
      }
      if (b < 0) {
        eof = true;
        if (line.size() == 0) {
          return null;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the input: " + e.getMessage(), e);
    }
    lineNumber++;
    byte[] bytes = line.toByteArray();
    int len = bytes.length;
    if (len > 0 && bytes[len - 1] == '\r') {
      len--;
    }
    ByteBuffer input = ByteBuffer.wrap(bytes, 0, len);
    CharBuffer output = CharBuffer.allocate(len + 1);
    CoderResult result = decoder.reset().decode(input, output, true);
    if (!result.isError()) {
      result = decoder.flush(output);
    }
    if (result.isError()) {
      throw new MalformedLineException(
          lineNumber,
          "line "
              + lineNumber
              + " is not valid UTF-8 (bad byte at column "
              + (input.position() + 1)
              + ")");
    }
    return output.flip().toString();
  }

  @Override
  public boolean interactive() {
    return false;
  }
}
