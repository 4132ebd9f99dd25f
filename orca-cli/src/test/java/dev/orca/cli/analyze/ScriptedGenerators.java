package dev.orca.cli.analyze;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.orca.agent.subagent.SubagentRegistry;
import dev.orca.agent.subagent.SubagentSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted model for the generator sub-agents: each request is answered with the canned text of
 * the sub-agent whose system prompt it carries ({@code NAME} and {@code CLASS} filled from the
 * request's function name), and every request's user text is kept per agent.
 */
final class ScriptedGenerators implements ChatModel {

  private final SubagentRegistry registry = SubagentRegistry.withBuiltIns();
  private final Map<String, String> answers = new HashMap<>();
  final Map<String, List<String>> requests = Collections.synchronizedMap(new HashMap<>());

  ScriptedGenerators answer(String agent, String template) {
    answers.put(agent, template);
    return this;
  }

  SuggestionModels models() {
    return (home, model, baseUrl) ->
        Optional.of(new SuggestionModels.Resolved(this, "scripted:model"));
  }

  @Override
  public ChatResponse chat(ChatRequest request) {
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
    if (agent == null || !answers.containsKey(agent)) {
      throw new IllegalStateException("no scripted answer for " + agent);
    }
    requests.computeIfAbsent(agent, a -> new ArrayList<>()).add(user);
    String name = field(user, "name: ");
    if (name.isEmpty()) {
      name = field(user, "function: ");
    }
    String cls = name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    String text = answers.get(agent).replace("CLASS", cls).replace("NAME", name);
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .modelName("scripted")
        .finishReason(FinishReason.STOP)
        .tokenUsage(new TokenUsage(user.length() / 4, text.length() / 4))
        .build();
  }

  private static String field(String text, String prefix) {
    return text.lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).strip())
        .findFirst()
        .orElse("");
  }
}
