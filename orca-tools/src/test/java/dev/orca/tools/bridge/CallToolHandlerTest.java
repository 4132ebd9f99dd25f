package dev.orca.tools.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.orca.core.OrcaException;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolRegistry;
import dev.orca.tools.ToolSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CallToolHandlerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private ToolRegistry registry;
  private CallToolHandler handler;

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text.replace('\'', '"'));
  }

  @BeforeEach
  void setUp() throws Exception {
    registry = ToolRegistry.create();
    JsonNode schema =
        json(
            "{'type':'object','properties':{'owner':{'type':'string'},'count':{'type':'integer','minimum':1},"
                + "'state':{'type':'string','enum':['open','closed']},'labels':{'type':'array','items':{'type':'string'}}},"
                + "'required':['owner'],'additionalProperties':false}");
    registry.register(
        ToolSpec.of("gh", "list", "list things", schema, ToolKind.TOOL), args -> args);
    registry.register(
        ToolSpec.of("gh", "huge", "a huge result", null, ToolKind.TOOL),
        args -> TextNode.valueOf("x".repeat(10 * 1024 * 1024)));
    registry.register(
        ToolSpec.of("gh", "fails", "throws", null, ToolKind.TOOL),
        args -> {
          throw OrcaException.invalid("Tool gh::fails failed: rate limited");
        });
    handler = new CallToolHandler(registry, CallToolHandler.DEFAULT_MAX_RESULT_BYTES);
  }

  @Test
  void handle_validArgumentsReachTheTool() throws Exception {
    JsonNode result =
        handler.handle(json("{'name':'gh::list','args':{'owner':'ada','count':3,'labels':['a']}}"));
    assertThat(result.path("owner").asText()).isEqualTo("ada");
    assertThat(result.path("count").asInt()).isEqualTo(3);
  }

  @Test
  void handle_unknownToolSaysHowToFindOne() {
    assertThatThrownBy(() -> handler.handle(json("{'name':'nope','args':{}}")))
        .hasMessageContaining("Unknown tool 'nope'");
  }

  @Test
  void handle_wrongTypesAndMissingRequiredAreListedWithTheSignature() {
    assertThatThrownBy(
            () ->
                handler.handle(
                    json(
                        "{'name':'gh::list','args':{'count':'three','state':'merged','labels':[1]}}")))
        .isInstanceOf(OrcaException.class)
        .hasMessageContaining("missing required argument 'owner'")
        .hasMessageContaining("'count' must be an integer, got a string (\"three\")")
        .hasMessageContaining("'state' must be one of [\"open\",\"closed\"]")
        .hasMessageContaining("'labels[0]' must be a string")
        .hasMessageContaining(
            "Expected: Object gh_list(String owner, Number count, String state, java.util.List<String> labels)");
  }

  @Test
  void handle_unknownArgumentAndRangeAreRejected() {
    assertThatThrownBy(
            () ->
                handler.handle(
                    json("{'name':'gh::list','args':{'owner':'a','count':0,'colour':'red'}}")))
        .hasMessageContaining("'count' must be at least 1")
        .hasMessageContaining("unknown argument 'colour'; known: owner, count, state, labels");
  }

  @Test
  void handle_argumentsThatAreNotAnObjectAreRejected() {
    assertThatThrownBy(() -> handler.handle(json("{'name':'gh::list','args':[1,2]}")))
        .hasMessageContaining("must be a Map");
  }

  @Test
  void handle_tenMegabyteResultIsRefusedWithItsSize() {
    assertThatThrownBy(() -> handler.handle(json("{'name':'gh::huge'}")))
        .hasMessageContaining("Result of tool gh::huge is 10.5 MB, over the 4.2 MB limit")
        .hasMessageContaining("Ask for less");
  }

  @Test
  void handle_throwingToolPassesItsMessageOn() {
    assertThatThrownBy(() -> handler.handle(json("{'name':'gh::fails','args':{}}")))
        .hasMessageContaining("rate limited");
  }
}
