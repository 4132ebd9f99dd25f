package dev.orca.agent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scripted model's side of the context benchmark: the same task solved the code-mode way (four
 * cells of Java, then an answer built from what they printed) and the traditional way (list the
 * folder, read every file through tool calls, answer from the texts in context).
 */
public final class ContextWorkload {

  /** The task given to both agents. */
  public static final String TASK =
      "The folder transcripts/ in the workspace holds 100 customer-support call transcripts. Load"
          + " them, count them, find the ones that mention a refund, and summarise: how many"
          + " mention a refund, how many calls there were per topic, and the average length in"
          + " words.";

  /** Cells the scripted model sends to {@code execute_code}, in order. */
  public static final List<String> ORCA_CELLS =
      List.of(
          "import java.nio.file.*;\n"
              + "import java.util.*;\n"
              + "import java.util.stream.*;\n"
              + "List<String> transcripts = new ArrayList<>();\n"
              + "for (Path p : Files.list(Path.of(\"transcripts\")).sorted().toList())"
              + " transcripts.add(Files.readString(p));\n"
              + "System.out.println(transcripts.size() + \" transcripts, \" +"
              + " transcripts.stream().mapToInt(String::length).sum() + \" chars\");",
          "List<String> refunds = transcripts.stream()"
              + ".filter(t -> t.toLowerCase().contains(\"refund\")).toList();\n"
              + "System.out.println(refunds.size() + \" of \" + transcripts.size()"
              + " + \" mention a refund\");",
          "Map<String, Long> perTopic = transcripts.stream()\n"
              + "    .map(t -> t.lines().filter(l -> l.startsWith(\"Topic: \")).findFirst()"
              + ".orElse(\"Topic: unknown\").substring(7))\n"
              + "    .collect(Collectors.groupingBy(s -> s, TreeMap::new,"
              + " Collectors.counting()));\n"
              + "System.out.println(perTopic);",
          "double avgWords = transcripts.stream().mapToInt(t -> t.split(\"\\\\s+\").length)"
              + ".average().orElse(0);\n"
              + "System.out.printf(\"average %.0f words%n\", avgWords);");

  private static final ObjectMapper JSON = new ObjectMapper();

  private ContextWorkload() {}

  /**
   * The scripted model for Orca: one cell per step, then an answer composed from the printed
   * results it finds in the conversation.
   *
   * @return the steps
   */
  public static List<Function<ChatRequest, AiMessage>> orcaScript() {
    List<Function<ChatRequest, AiMessage>> steps = new ArrayList<>();
    for (String cell : ORCA_CELLS) {
      steps.add(r -> ScriptedChatModel.code(cell));
    }
    steps.add(ContextWorkload::orcaAnswer);
    return steps;
  }

  private static AiMessage orcaAnswer(ChatRequest r) {
    StringBuilder printed = new StringBuilder();
    for (ChatMessage m : r.messages()) {
      if (m instanceof ToolExecutionResultMessage t) {
        printed.append(t.text()).append('\n');
      }
    }
    String text = printed.toString();
    return AiMessage.from(
        "Summary of the transcripts: "
            + find(text, "(\\d+) transcripts, \\d+ chars", "?")
            + " transcripts; "
            + find(text, "(\\d+ of \\d+) mention a refund", "?")
            + " mention a refund; calls per topic: "
            + find(text, "(\\{[^}]*\\})", "?")
            + "; "
            + find(text, "(average \\d+ words)", "average length unknown")
            + ".");
  }

  /**
   * The scripted model for the baseline: list the folder, read the files ({@code perTurn} reads per
   * model turn), then answer from the texts that came back through the context.
   *
   * @param listTool the provider name of the catalog's {@code list_directory} tool
   * @param readTool the provider name of the catalog's {@code read_file} tool
   * @param files how many files there are
   * @param perTurn how many reads the model asks for in one turn
   * @return the steps
   */
  public static List<Function<ChatRequest, AiMessage>> baselineScript(
      String listTool, String readTool, int files, int perTurn) {
    List<Function<ChatRequest, AiMessage>> steps = new ArrayList<>();
    steps.add(
        r ->
            AiMessage.from(
                ScriptedChatModel.call(
                    listTool, JSON.createObjectNode().put("path", "transcripts"))));
    for (int from = 1; from <= files; from += perTurn) {
      int start = from;
      steps.add(
          r -> {
            List<ToolExecutionRequest> calls = new ArrayList<>();
            for (int i = start; i < Math.min(files + 1, start + perTurn); i++) {
              calls.add(
                  ScriptedChatModel.call(
                      readTool,
                      JSON.createObjectNode()
                          .put("path", String.format(Locale.ROOT, "transcripts/t%03d.txt", i))));
            }
            return AiMessage.from(calls);
          });
    }
    steps.add(ContextWorkload::baselineAnswer);
    return steps;
  }

  private static AiMessage baselineAnswer(ChatRequest r) {
    int total = 0;
    int refunds = 0;
    long words = 0;
    java.util.Map<String, Integer> perTopic = new java.util.TreeMap<>();
    for (ChatMessage m : r.messages()) {
      if (m instanceof ToolExecutionResultMessage t && t.text().startsWith("Transcript T-")) {
        total++;
        refunds += t.text().toLowerCase(Locale.ROOT).contains("refund") ? 1 : 0;
        words += t.text().split("\\s+").length;
        String topic = find(t.text(), "Topic: ([^\\n]+)", "unknown");
        perTopic.merge(topic, 1, Integer::sum);
      }
    }
    return AiMessage.from(
        "Summary of the transcripts: "
            + total
            + " transcripts; "
            + refunds
            + " of "
            + total
            + " mention a refund; calls per topic: "
            + perTopic
            + "; average "
            + (total == 0 ? 0 : Math.round((double) words / total))
            + " words.");
  }

  private static String find(String text, String regex, String dflt) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : dflt;
  }
}
