package dev.orca.agent.chat;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.orca.agent.Transcript;
import dev.orca.agent.provider.Secrets;
import dev.orca.core.history.SecretRedactor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A chat's conversation on disk, {@value #FILE} in its session's directory: one message per line in
 * LangChain4j's own JSON ({@link ChatMessageSerializer}), appended after every request so that a
 * crash loses at most the request in progress. {@code orca chat --resume} reads it back ({@link
 * #read()}) into the chat's conversation ({@link dev.orca.agent.Orchestrator#restore}).
 *
 * <p>Nothing secret is written: every text (user messages, answers, tool call arguments, tool
 * results) goes through the project's {@link SecretRedactor} (secret-looking environment values and
 * key-shaped strings) and {@link Secrets} (the model's own key, which may come from {@code
 * config.toml} rather than the environment). It is bounded: one message's text is cut at {@value
 * #MAX_MESSAGE_CHARS} characters, and when the file grows past its size limit the oldest requests
 * are dropped (the chat only ever restores what fits in its context window). System messages are
 * not kept: the chat has its own.
 */
public final class ConversationLog implements Transcript {

  /** The file's name in a session directory. */
  public static final String FILE = "conversation.jsonl";

  /** The longest text kept of one message. */
  public static final int MAX_MESSAGE_CHARS = 16_000;

  /** The default size beyond which the oldest requests are dropped. */
  public static final long DEFAULT_MAX_BYTES = 1024 * 1024;

  private final Path file;
  private final UnaryOperator<String> redact;
  private final long maxBytes;
  private final Consumer<String> warnings;
  private boolean warned;

  /**
   * Creates the log.
   *
   * @param file the file (its directory is created on the first write)
   * @param redact removes secrets from a text
   * @param maxBytes the size beyond which the oldest requests are dropped
   * @param warnings told once when the file cannot be written
   */
  public ConversationLog(
      Path file, UnaryOperator<String> redact, long maxBytes, Consumer<String> warnings) {
    this.file = Objects.requireNonNull(file, "file");
    this.redact = Objects.requireNonNull(redact, "redact");
    if (maxBytes < 4096) {
      throw new IllegalArgumentException("maxBytes must be at least 4096, was " + maxBytes);
    }
    this.maxBytes = maxBytes;
    this.warnings = Objects.requireNonNull(warnings, "warnings");
  }

  /**
   * The log of a session directory, redacting the process environment's secrets and {@code secrets}
   * (e.g. the model's API key).
   *
   * @param sessionDirectory the session's directory
   * @param secrets known secrets (nulls are ignored)
   * @param warnings told once when the file cannot be written
   * @return the log of {@code sessionDirectory/conversation.jsonl}
   */
  public static ConversationLog in(
      Path sessionDirectory, Collection<String> secrets, Consumer<String> warnings) {
    List<String> known = secrets.stream().filter(Objects::nonNull).toList();
    SecretRedactor env = SecretRedactor.fromEnvironment();
    return new ConversationLog(
        sessionDirectory.resolve(FILE),
        text -> env.redact(Secrets.redact(text, known)),
        DEFAULT_MAX_BYTES,
        warnings);
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /**
   * Appends one request's messages (redacted, bounded) in one write; drops the oldest requests when
   * the file grew past its limit. A failure is reported once through the warnings and never thrown.
   *
   * @param messages the request's messages, in order
   */
  @Override
  public synchronized void append(List<ChatMessage> messages) {
    StringBuilder lines = new StringBuilder();
    for (ChatMessage m : messages) {
      ChatMessage kept = bounded(m);
      if (kept != null) {
        lines.append(ChatMessageSerializer.messageToJson(kept)).append('\n');
      }
    }
    if (lines.length() == 0) {
      return;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND,
          StandardOpenOption.WRITE);
      if (Files.size(file) > maxBytes) {
        trim();
      }
    } catch (IOException | RuntimeException e) {
      if (!warned) {
        warned = true;
        warnings.accept(
            "could not save the conversation to "
                + file
                + " ("
                + e.getMessage()
                + "); the chat goes on, but `orca chat --resume` will not restore this part of"
                + " it. Later failures are not reported.");
      }
    }
  }

  /**
   * The messages kept, oldest first: empty when there is no file; a line that cannot be read (the
   * last one, torn by a crash) is skipped.
   *
   * @return the messages (an unreadable file is reported through the warnings and reads as empty)
   */
  public synchronized List<ChatMessage> read() {
    List<ChatMessage> out = new ArrayList<>();
    if (!Files.exists(file)) {
      return out;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      warnings.accept("could not read the conversation in " + file + ": " + e.getMessage());
      return out;
    }
    for (String line : lines) {
      if (line.isBlank()) {
        continue;
      }
      try {
        ChatMessage m = ChatMessageDeserializer.messageFromJson(line);
        if (m instanceof UserMessage
            || m instanceof AiMessage
            || m instanceof ToolExecutionResultMessage) {
          out.add(m);
        }
      } catch (RuntimeException e) {
        // a torn or foreign line: skipped
      }
    }
    return out;
  }

  /** Keeps the newest requests (from a user message on) in about half the limit. */
  private void trim() throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    long budget = maxBytes / 2;
    long size = 0;
    int from = -1;
    for (int i = lines.size() - 1; i >= 0; i--) {
      size += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1L;
      boolean user = isUser(lines.get(i));
      if (size > budget && from >= 0) {
        break;
      }
      if (user) {
        from = i; // the last request is kept whatever its size
      }
    }
    if (from < 0) {
      return;
    }
    Path tmp = file.resolveSibling("." + FILE + ".tmp");
    Files.write(tmp, lines.subList(from, lines.size()), StandardCharsets.UTF_8);
    // a rename, never a rewrite in place: the session store may have linked this file
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean isUser(String line) {
    try {
      return ChatMessageDeserializer.messageFromJson(line) instanceof UserMessage;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The message with its texts redacted and bounded; {@code null} for one not kept. */
  private ChatMessage bounded(ChatMessage m) {
    if (m instanceof UserMessage u) {
      String text = u.hasSingleText() ? u.singleText() : String.valueOf(u.contents());
      return UserMessage.from(clean(text));
    }
    if (m instanceof AiMessage a) {
      List<ToolExecutionRequest> calls = new ArrayList<>();
      for (ToolExecutionRequest r : a.toolExecutionRequests()) {
        calls.add(
            ToolExecutionRequest.builder()
                .id(r.id())
                .name(r.name())
                .arguments(r.arguments() == null ? null : redact.apply(r.arguments()))
                .build());
      }
      // Thinking and provider attributes are not sent back to the model, so not kept.
      return AiMessage.builder()
          .text(a.text() == null ? null : clean(a.text()))
          .toolExecutionRequests(calls)
          .build();
    }
    if (m instanceof ToolExecutionResultMessage t) {
      return ToolExecutionResultMessage.builder()
          .id(t.id())
          .toolName(t.toolName())
          .text(clean(t.text()))
          .isError(t.isError())
          .build();
    }
    return null;
  }

  private String clean(String text) {
    String t = redact.apply(text == null ? "" : text);
    return t.length() <= MAX_MESSAGE_CHARS
        ? t
        : t.substring(0, MAX_MESSAGE_CHARS)
            + "\n[... cut: the saved conversation keeps "
            + MAX_MESSAGE_CHARS
            + " characters of a message]";
  }
}
