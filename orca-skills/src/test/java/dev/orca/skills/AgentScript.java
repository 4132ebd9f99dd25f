package dev.orca.skills;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.context.TokenCounter;
import dev.orca.agent.subagent.ModelResolver;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.agent.subagent.SubagentRunner;
import dev.orca.agent.subagent.SubagentSpec;
import dev.orca.skills.generate.Generators;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted model behind the real {@link SubagentRunner}: each request is answered from the queue
 * of the sub-agent whose system prompt it carries, and every request's user text is kept per agent.
 */
final class AgentScript {

  final SubagentRegistry registry = SubagentRegistry.withBuiltIns();
  private final Map<String, Deque<String>> answers = new HashMap<>();
  final Map<String, List<String>> requests = Collections.synchronizedMap(new HashMap<>());
  final SubagentRunner runner;

  AgentScript() {
    ChatModel model =
        new ChatModel() {
          @Override
          public ChatResponse chat(ChatRequest request) {
            AiMessage ai = answer(request);
            TokenCounter c = TokenCounter.o200k();
            return ChatResponse.builder()
                .aiMessage(ai)
                .modelName("scripted")
                .finishReason(FinishReason.STOP)
                .tokenUsage(new TokenUsage(c.request(request.messages(), List.of()), c.output(ai)))
                .build();
          }
        };
    runner =
        SubagentRunner.builder().registry(registry).models(ModelResolver.always(model)).build();
  }

  /** Sets the answers of an agent; the last one repeats. */
  synchronized AgentScript answer(String agent, String... texts) {
    answers.put(agent, new ArrayDeque<>(List.of(texts)));
    return this;
  }

  Generators generators() {
    return new Generators(runner, "scripted:test-model");
  }

  int calls(String agent) {
    return requests.getOrDefault(agent, List.of()).size();
  }

  private synchronized AiMessage answer(ChatRequest request) {
    String system = "";
    String user = "";
    for (ChatMessage m : request.messages()) {
      if (m instanceof SystemMessage s) {
        system = s.text();
      } else if (m instanceof UserMessage u) {
        user = u.singleText();
      }
    }
    String agent = null;
    for (SubagentSpec s : registry.all()) {
      if (system.startsWith(s.systemPrompt())) {
        agent = s.name();
      }
    }
    if (agent == null) {
      throw new IllegalStateException("no agent has this system prompt: " + system);
    }
    requests.computeIfAbsent(agent, a -> new ArrayList<>()).add(user);
    Deque<String> q = answers.get(agent);
    if (q == null || q.isEmpty()) {
      throw new IllegalStateException("the script has no more answers for " + agent);
    }
    return AiMessage.from(q.size() == 1 ? q.peek() : q.poll());
  }
}
