package dev.orca.agent.subagent;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Shared helpers of the sub-agent tests. */
final class Fixtures {

  private Fixtures() {}

  /** A fast retry policy for tests. */
  static final RetryPolicy FAST_RETRY =
      new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4));

  static SubagentSpec textAgent(String name, int budget, Chunking chunking) {
    return new SubagentSpec(
        name,
        "Test agent " + name,
        "You are the test agent " + name + ". Answer briefly.",
        "default",
        List.of(),
        budget,
        100,
        OutputFormat.text(),
        chunking,
        "test");
  }

  static String userText(ChatRequest request) {
    for (ChatMessage m : request.messages()) {
      if (m instanceof UserMessage u) {
        return u.singleText();
      }
    }
    return "";
  }

  static String systemText(ChatRequest request) {
    for (ChatMessage m : request.messages()) {
      if (m instanceof SystemMessage s) {
        return s.text();
      }
    }
    return "";
  }

  /** Records every accounted call. */
  static final class RecordingAccounting implements SubagentAccounting {
    final List<SubagentCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public void record(SubagentCall call) {
      calls.add(call);
    }
  }
}
