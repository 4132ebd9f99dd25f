package dev.orca.agent.subagent.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts data too big for one call into chunks of at most a given number of tokens, at natural
 * boundaries: JSON array elements, then paragraphs, then lines, then (for one huge line) token
 * windows.
 */
public final class Chunker {

  private final TokenCounter tokens;

  /**
   * Creates a chunker.
   *
   * @param tokens the token counter
   */
  public Chunker(TokenCounter tokens) {
    this.tokens = tokens;
  }

  /**
   * Cuts a JSON array into smaller arrays (rendered as compact JSON), keeping elements whole where
   * they fit; an element bigger than a chunk is cut as text.
   *
   * @param array the array
   * @param maxTokens tokens per chunk
   * @return the chunks, in order
   */
  public List<String> splitArray(ArrayNode array, int maxTokens) {
    List<String> chunks = new ArrayList<>();
    ArrayNode current = JsonNodeFactory.instance.arrayNode();
    int currentTokens = 2;
    for (JsonNode element : array) {
      String rendered = element.toString();
      int n = tokens.count(rendered) + 1;
      if (n + 2 > maxTokens) {
        if (!current.isEmpty()) {
          chunks.add(current.toString());
          current = JsonNodeFactory.instance.arrayNode();
          currentTokens = 2;
        }
        chunks.addAll(splitText(rendered, maxTokens));
        continue;
      }
      if (currentTokens + n > maxTokens && !current.isEmpty()) {
        chunks.add(current.toString());
        current = JsonNodeFactory.instance.arrayNode();
        currentTokens = 2;
      }
      current.add(element);
      currentTokens += n;
    }
    if (!current.isEmpty()) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  /**
   * Cuts text at paragraph, then line, then token boundaries.
   *
   * @param text the text
   * @param maxTokens tokens per chunk
   * @return the chunks, in order
   */
  public List<String> splitText(String text, int maxTokens) {
    List<String> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentTokens = 0;
    for (String unit : units(text, maxTokens)) {
      int n = tokens.count(unit);
      if (currentTokens + n > maxTokens && current.length() > 0) {
        chunks.add(current.toString());
        current.setLength(0);
        currentTokens = 0;
      }
      current.append(unit);
      currentTokens += n;
    }
    if (current.length() > 0) {
      chunks.add(current.toString());
    }
    return chunks;
  }

  /** Paragraphs that fit, lines of paragraphs that do not, token windows of lines that do not. */
  private List<String> units(String text, int maxTokens) {
    List<String> units = new ArrayList<>();
    for (String paragraph : splitKeeping(text, "\n\n")) {
      if (tokens.count(paragraph) <= maxTokens) {
        units.add(paragraph);
        continue;
      }
      for (String line : splitKeeping(paragraph, "\n")) {
        if (tokens.count(line) <= maxTokens) {
          units.add(line);
        } else {
          units.addAll(tokens.splitByTokens(line, Math.max(1, maxTokens - 2)));
        }
      }
    }
    return units;
  }

  private static List<String> splitKeeping(String text, String separator) {
    List<String> parts = new ArrayList<>();
    int start = 0;
    while (start < text.length()) {
      int at = text.indexOf(separator, start);
      int end = at < 0 ? text.length() : at + separator.length();
      parts.add(text.substring(start, end));
      start = end;
    }
    return parts;
  }
}
