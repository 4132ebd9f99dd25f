package dev.orca.tools.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orca.tools.ToolKind;
import dev.orca.tools.ToolSpec;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

class ToolStubGeneratorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ToolSpec pullRequestTool() throws Exception {
    String schema =
        "{'type':'object','properties':{'owner':{'type':'string'},'repo':{'type':'string'},"
            + "'draft':{'type':'boolean'},'per-page':{'type':'integer'},'class':{'type':'string'},"
            + "'filter':{'type':'object','properties':{'state':{'type':'string'},'max':{'type':'number'}}}},"
            + "'required':['owner','repo']}";
    return ToolSpec.of(
        "github",
        "create_pull_request",
        "Opens a \"PR\" */ with care",
        JSON.readTree(schema.replace('\'', '"')),
        ToolKind.TOOL);
  }

  @Test
  void generate_signatureUsesJavaTypesAndSafeNames() throws Exception {
    ToolStub stub = ToolStubGenerator.generate(pullRequestTool());
    assertThat(stub.methodName()).isEqualTo("github_create_pull_request");
    assertThat(stub.signature())
        .isEqualTo(
            "Object github_create_pull_request(String owner, String repo, Boolean draft, Number perPage,"
                + " String class_, GithubCreatePullRequestFilter filter)");
    assertThat(stub.source())
        .contains("record GithubCreatePullRequestFilter(String state, Number max)");
  }

  /** Evaluates the stub in a real JShell with a recording callTool and calls it. */
  @Test
  void generate_sourceCompilesInJShellAndCallsCallToolWithTheArguments() throws Exception {
    ToolStub stub = ToolStubGenerator.generate(pullRequestTool());
    try (JShell shell = JShell.builder().executionEngine("local").build()) {
      eval(
          shell,
          "Object callTool(String name, java.util.Map<String, ?> args) { return name + \" \" + new java.util.TreeMap<>(args); }");
      eval(shell, stub.source());
      assertThat(
              eval(
                  shell,
                  "github_create_pull_request(\"ada\", \"orca\", true, 5, null, new GithubCreatePullRequestFilter(\"open\", 2.5))"))
          .isEqualTo(
              "\"github::create_pull_request {draft=true, filter={state=open, max=2.5}, owner=ada, per-page=5, repo=orca}\"");
      assertThat(eval(shell, "github_create_pull_request(\"ada\", \"orca\")"))
          .isEqualTo("\"github::create_pull_request {owner=ada, repo=orca}\"");
    }
  }

  @Test
  void generate_manyParametersFallBackToAMap() throws Exception {
    StringBuilder props = new StringBuilder();
    for (int i = 0; i < ToolStubGenerator.MAX_PARAMETERS + 1; i++) {
      props.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":{\"type\":\"string\"}");
    }
    ToolSpec spec =
        ToolSpec.of(
            null,
            "wide-tool",
            "",
            JSON.readTree("{\"type\":\"object\",\"properties\":{" + props + "}}"),
            ToolKind.TOOL);
    assertThat(ToolStubGenerator.signature(spec))
        .isEqualTo("Object wide_tool(java.util.Map<String, ?> args)");
  }

  @Test
  void generate_metaToolsShowTheirKernelBuiltIn() {
    assertThat(ToolStubGenerator.signature(dev.orca.tools.MetaTools.SEARCH_TOOLS))
        .isEqualTo("searchTools(String query)");
  }

  private static String eval(JShell shell, String source) {
    String value = null;
    String rest = source;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    while (!rest.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
      List<SnippetEvent> events = shell.eval(info.source());
      for (SnippetEvent e : events) {
        if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
          throw new AssertionError(
              "snippet failed: "
                  + info.source()
                  + "\n"
                  + shell
                      .diagnostics(e.snippet())
                      .map(d -> d.getMessage(null))
                      .collect(Collectors.joining("\n"))
                  + " "
                  + e.exception());
        }
        value = e.value();
      }
      rest = info.remaining();
    }
    return value;
  }
}
