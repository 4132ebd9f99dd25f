package dev.orca.skills.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.skills.ReviewIssue;
import dev.orca.skills.Severity;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the {@code code_reviewer}'s answer {@code {"issues":[{severity,line,message,suggestion}]}}.
 */
public final class ReviewParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReviewParser() {}

  /**
   * Parses an answer leniently (the JSON object may be surrounded by text or fences).
   *
   * @param answer the reviewer's text
   * @return its issues; one minor issue saying the answer was unreadable when it was
   */
  public static List<ReviewIssue> parse(String answer) {
    List<ReviewIssue> out = new ArrayList<>();
    JsonNode root = null;
    int start = answer.indexOf('{');
    int end = answer.lastIndexOf('}');
    if (start >= 0 && end > start) {
      try {
        root = JSON.readTree(answer.substring(start, end + 1));
      } catch (IOException e) {
        root = null;
      }
    }
    if (root == null || !root.path("issues").isArray()) {
      out.add(
          new ReviewIssue(
              Severity.MINOR,
              0,
              "The code reviewer's answer was not the expected JSON; its review is missing.",
              "",
              "code_reviewer"));
      return out;
    }
    for (JsonNode i : root.path("issues")) {
      String message = i.path("message").asText("").strip();
      if (message.isEmpty()) {
        continue;
      }
      out.add(
          new ReviewIssue(
              Severity.parse(i.path("severity").asText("info")),
              Math.max(0, i.path("line").asInt(0)),
              message,
              i.path("suggestion").asText(""),
              "code_reviewer"));
    }
    return out;
  }
}
