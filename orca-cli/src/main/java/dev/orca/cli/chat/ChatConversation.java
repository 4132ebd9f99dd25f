package dev.orca.cli.chat;

import dev.langchain4j.data.message.ChatMessage;
import dev.orca.agent.Orchestrator;
import dev.orca.agent.Transcript;
import dev.orca.agent.chat.ConversationLog;
import dev.orca.agent.provider.ModelSettings;
import dev.orca.cli.OrcaRuntime;
import dev.orca.cli.sessions.RunSession;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.skills.session.SessionStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The conversation of a chat that works in a session, kept beside the kernel's state: {@code
 * learned_skills/sessions/<name>/conversation.jsonl} ({@link ConversationLog}: redacted, bounded,
 * appended after every request). {@code orca chat --resume NAME} (or {@code --session NAME}) puts
 * it back into the chat's memory ({@link #restoreInto}), so the model sees the earlier requests and
 * answers as well as the variables. Written only while the session is checkpointed ({@code
 * [sessions] checkpoint}, on by default); a chat that never ran code still leaves a session (with
 * no variables) so that it is listed, resumable and subject to retention.
 */
public final class ChatConversation implements Transcript {

  private final ConversationLog log;
  private final SessionStore store;
  private final String session;
  private final boolean save;

  ChatConversation(ConversationLog log, SessionStore store, String session, boolean save) {
    this.log = Objects.requireNonNull(log, "log");
    this.store = Objects.requireNonNull(store, "store");
    this.session = Objects.requireNonNull(session, "session");
    this.save = save;
  }

  /**
   * The conversation of the runtime's session.
   *
   * @param runtime a runtime opened for a session
   * @param settings the model (its API key is redacted too)
   * @param warnings told once when the file cannot be written
   * @return the conversation
   * @throws java.util.NoSuchElementException when the runtime has no session
   */
  public static ChatConversation of(
      OrcaRuntime runtime, ModelSettings settings, Consumer<String> warnings) {
    RunSession run = runtime.session().orElseThrow();
    SessionStore store = SessionStore.forHome(runtime.home());
    ConversationLog log =
        ConversationLog.in(
            store.directory(run.name()), Collections.singletonList(settings.apiKey()), warnings);
    return new ChatConversation(log, store, run.name(), run.config().checkpoint());
  }

  /** The file. */
  public Path file() {
    return log.file();
  }

  /**
   * Puts the saved conversation back into a new chat's memory (before its first request), bounded
   * by the chat's context window.
   *
   * @param orchestrator the chat's orchestrator
   * @return what to tell the person, or empty when nothing was saved
   */
  public Optional<String> restoreInto(Orchestrator orchestrator) {
    List<ChatMessage> saved = log.read();
    if (saved.isEmpty()) {
      return Optional.empty();
    }
    int restored = orchestrator.restore(saved);
    String line =
        "Restored "
            + restored
            + (restored == 1 ? " message" : " messages")
            + " of the earlier conversation"
            + (restored < saved.size()
                ? " (the newest that fit in the context window, [agent] context_tokens; "
                    + saved.size()
                    + " are saved)"
                : "")
            + " from "
            + log.file()
            + ".";
    return Optional.of(line);
  }

  /** Appends a request's messages, when the session is checkpointed. */
  @Override
  public void append(List<ChatMessage> messages) {
    if (!save) {
      return;
    }
    try {
      if (!store.exists(session)) {
        // no cell ran yet: make the session exist (no variables), as the first cell would
        store.save(session, new KernelSnapshot(List.of(), List.of(), Instant.now()), List.of());
      }
    } catch (RuntimeException e) {
      // the log below still writes the file; the next checkpoint keeps it
    }
    log.append(messages);
  }
}
