package dev.orca.agent.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.agent.AgentListener;
import dev.orca.agent.FakeKernel;
import dev.orca.agent.ModelClient;
import dev.orca.agent.Orchestrator;
import dev.orca.agent.bench.ScriptedChatModel;
import dev.orca.core.OrcaHome;
import dev.orca.kernel.VariableInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatCommandsTest {
  @TempDir Path dir;

  @Test
  void commands_showVariablesTokensSkillsAndStatus() throws Exception {
    OrcaHome home = new OrcaHome(dir).create();
    Files.writeString(home.functionsDir().resolve("countRefunds.java"), "// skill");
    FakeKernel kernel = FakeKernel.echo();
    kernel.variables.add(new VariableInfo("rows", "List<String>", "size 3"));
    ScriptedChatModel model =
        ScriptedChatModel.of(
            ScriptedChatModel.code("var rows = List.of(1,2,3);"),
            ScriptedChatModel.answer("3 rows"));
    Orchestrator o =
        Orchestrator.builder()
            .model(ModelClient.blocking(model, "anthropic", "claude-x"))
            .kernel(kernel)
            .build();
    ChatCommands c = new ChatCommands(o, home);

    assertThat(c.status()).startsWith("anthropic:claude-x | 0 tokens | 1 variable");
    o.ask("make rows", AgentListener.NONE);

    assertThat(c.run("/vars")).contains("rows : List<String> = size 3");
    assertThat(c.run("/tokens")).contains("2 turns").contains("step 1").contains("execute_code");
    assertThat(c.run("/skills")).contains("functions: countRefunds").contains("agents:    (none)");
    assertThat(c.run("/help")).contains("/save NAME");
    assertThat(c.run("/save ../etc")).startsWith("Usage: /save NAME");
    assertThat(c.run("/save work")).startsWith("ok");
    assertThat(kernel.cells).contains("saveSessionState(\"work\")");
    assertThat(c.run("/bogus")).startsWith("Unknown command /bogus");
    assertThat(c.status()).doesNotContain("| 0 tokens");
    assertThat(ChatCommands.isExit(" /exit ")).isTrue();
    assertThat(ChatCommands.isCommand("hello")).isFalse();
  }
}
