package dev.orca.skills.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentGeneratorTest {

  @Test
  void parseFiles_readsTheFilesObject() {
    Map<String, String> files =
        AgentGenerator.parseFiles(
            "{\"files\":{\"agent.toml\":\"name = \\\"a_b\\\"\",\"prompts.md\":\"p\","
                + "\"README.md\":\"# a_b\",\"other.txt\":\"ignored\"}}");

    assertThat(files).containsOnlyKeys("agent.toml", "prompts.md", "README.md");
    assertThat(files.get("agent.toml")).isEqualTo("name = \"a_b\"");
  }

  @Test
  void parseFiles_garbageGivesNoFiles() {
    assertThat(AgentGenerator.parseFiles("sorry")).isEmpty();
  }
}
