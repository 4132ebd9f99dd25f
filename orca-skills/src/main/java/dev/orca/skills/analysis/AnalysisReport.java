package dev.orca.skills.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.core.history.SkillSavings;
import java.util.List;

/**
 * The result of {@code orca analyze} / {@code analyzeHistory()}: ranked patterns of repeated work
 * and what learned skills saved so far.
 *
 * @param patterns repeated work, best candidate first
 * @param savings what learned skills have saved
 * @param executionsScanned how many cells were read from the history
 * @param toolCallsScanned how many tool calls were read
 */
public record AnalysisReport(
    List<RepeatedWork> patterns, Savings savings, int executionsScanned, int toolCallsScanned) {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** Copies. */
  public AnalysisReport {
    patterns = List.copyOf(patterns);
  }

  /**
   * {@code {patterns:[{id,kind,fingerprint,count,tokens,estimatedSaving,example,suggestion}],
   * savings:{uses,tokensSaved,tokensSpent,net,bySkill}}} (DESIGN.md §2.4).
   */
  public ObjectNode toJson() {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode list = node.putArray("patterns");
    for (RepeatedWork p : patterns) {
      ObjectNode o = list.addObject();
      o.put("id", p.id());
      o.put("kind", p.kind());
      o.put("fingerprint", p.fingerprint());
      o.put("count", p.count());
      o.put("sessions", p.sessions());
      o.put("tokens", p.tokens());
      o.put("estimatedSaving", p.estimatedSaving());
      o.put("example", p.example());
      o.put("suggestedName", p.suggestedName());
      o.put("suggestion", p.suggestion());
    }
    ObjectNode s = node.putObject("savings");
    s.put("uses", savings.uses());
    s.put("tokensSaved", savings.tokensSaved());
    s.put("tokensSpent", savings.tokensSpent());
    s.put("net", savings.net());
    ArrayNode by = s.putArray("bySkill");
    for (SkillSavings k : savings.bySkill()) {
      by.addObject()
          .put("skill", k.skill())
          .put("uses", k.uses())
          .put("tokensSaved", k.tokensSaved())
          .put("tokensSpent", k.tokensSpent());
    }
    node.put("executionsScanned", executionsScanned);
    node.put("toolCallsScanned", toolCallsScanned);
    return node;
  }

  /** A plain-text report for the terminal. */
  public String describe() {
    StringBuilder sb = new StringBuilder();
    sb.append("Scanned ")
        .append(executionsScanned)
        .append(" cell(s) and ")
        .append(toolCallsScanned)
        .append(" tool call(s).\n");
    if (patterns.isEmpty()) {
      sb.append("No repeated work found yet.\n");
    }
    int rank = 1;
    for (RepeatedWork p : patterns) {
      sb.append(rank++)
          .append(". [")
          .append(p.id())
          .append("] ")
          .append(p.kind().replace('_', ' '))
          .append(", ")
          .append(p.count())
          .append("x in ")
          .append(p.sessions())
          .append(" session(s), ")
          .append(p.tokens())
          .append(" tokens, would save ~")
          .append(p.estimatedSaving())
          .append(" — ")
          .append(p.suggestion())
          .append('\n');
      String ex = p.example().strip().replace('\n', ' ');
      sb.append("   e.g. ").append(ex.length() > 160 ? ex.substring(0, 157) + "..." : ex);
      sb.append('\n');
    }
    if (!patterns.isEmpty()) {
      sb.append("Turn one into a learned function: orca analyze --generate ID (its number or the")
          .append(" id in brackets).\n");
    }
    sb.append("Learned skills so far: ")
        .append(savings.uses())
        .append(" use(s), ~")
        .append(savings.tokensSaved())
        .append(" tokens saved, ")
        .append(savings.tokensSpent())
        .append(" spent creating them (net ")
        .append(savings.net())
        .append(").\n");
    return sb.toString();
  }
}
