package dev.orca.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoctorCommandTest {

  private static String model(Map<String, String> model) {
    StringWriter text = new StringWriter();
    DoctorCommand.printModel(new PrintWriter(text, true), model);
    return text.toString();
  }

  @Test
  void model_noneConfiguredSaysHowToConfigureOne() {
    assertThat(model(Map.of()))
        .contains("none configured")
        .contains("[model]")
        .contains("ANTHROPIC_API_KEY")
        .contains("orca repl");
  }

  @Test
  void model_showsSettingsButHidesSecrets() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("provider", "anthropic");
    m.put("api_key", "sk-ant-123");
    m.put("auth_token", "tok");
    assertThat(model(m))
        .contains("provider = anthropic")
        .contains("api_key = (set, hidden)")
        .contains("auth_token = (set, hidden)")
        .doesNotContain("sk-ant-123")
        .doesNotContain("= tok");
  }
}
