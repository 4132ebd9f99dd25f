package dev.orca.agent.subagent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TokenCounter tokens = TokenCounter.get();
  private final Chunker chunker = new Chunker(tokens);

  @Test
  void splitText_chunksFitAndJoinBackToTheOriginal() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 60; i++) {
      text.append("Paragraph ").append(i).append(" says ").append("something ".repeat(i % 13));
      text.append(i % 5 == 0 ? "\n\n" : "\n");
    }
    text.append("x".repeat(3_000)); // one huge line without spaces
    List<String> chunks = chunker.splitText(text.toString(), 120);

    assertThat(chunks).hasSizeGreaterThan(3);
    assertThat(String.join("", chunks)).isEqualTo(text.toString());
    assertThat(chunks).allSatisfy(c -> assertThat(tokens.count(c)).isLessThanOrEqualTo(120));
  }

  @Test
  void splitArray_keepsElementsWholeAndInOrder() throws Exception {
    ArrayNode array = JSON.createArrayNode();
    for (int i = 0; i < 50; i++) {
      array.addObject().put("id", i).put("text", "element number " + i);
    }
    List<String> chunks = chunker.splitArray(array, 100);

    assertThat(chunks).hasSizeGreaterThan(1);
    int next = 0;
    for (String chunk : chunks) {
      assertThat(tokens.count(chunk)).isLessThanOrEqualTo(100);
      for (JsonNode element : JSON.readTree(chunk)) {
        assertThat(element.path("id").asInt()).isEqualTo(next++);
      }
    }
    assertThat(next).isEqualTo(50);
  }

  @Test
  void concat_joinsArraysObjectsAndText() throws Exception {
    assertThat(Merging.concat(List.of(JSON.readTree("[1]"), JSON.readTree("[2,3]"))).toString())
        .isEqualTo("[1,2,3]");
    assertThat(
            Merging.concat(
                    List.of(
                        JSON.readTree("{\"issues\":[1],\"n\":1}"),
                        JSON.readTree("{\"issues\":[2],\"n\":2}")))
                .toString())
        .isEqualTo("{\"issues\":[1,2],\"n\":2}");
    assertThat(
            Merging.concat(
                    List.of(
                        JSON.getNodeFactory().textNode("a"), JSON.getNodeFactory().textNode("b")))
                .asText())
        .isEqualTo("a\n\nb");
  }

  @Test
  void jsonAnswers_findJsonInFencesAndProse() {
    assertThat(JsonAnswers.parse("```json\n{\"a\":1}\n```"))
        .hasValueSatisfying(n -> assertThat(n.path("a").asInt()).isEqualTo(1));
    assertThat(JsonAnswers.parse("Sure! {\"a\":2} hope it helps"))
        .hasValueSatisfying(n -> assertThat(n.path("a").asInt()).isEqualTo(2));
    assertThat(JsonAnswers.parse("no json here")).isEmpty();
    assertThat(JsonAnswers.parse("42")).isEmpty();
  }
}
