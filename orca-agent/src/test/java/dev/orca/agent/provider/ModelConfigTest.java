package dev.orca.agent.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.core.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelConfigTest {
  @TempDir Path dir;

  private static final String KEY = "sk-ant-unit-SECRET-000111222333";

  @Test
  void resolve_parsesProviderAndNameAndTakesTheKeyFromTheEnvironment() {
    ModelSettings s =
        ModelConfig.resolve(
                "anthropic:claude-haiku-4-5",
                null,
                dir.resolve("none.toml"),
                Map.of("ANTHROPIC_API_KEY", KEY))
            .orElseThrow();
    assertThat(s.provider()).isEqualTo(Provider.ANTHROPIC);
    assertThat(s.modelName()).isEqualTo("claude-haiku-4-5");
    assertThat(s.apiKey()).isEqualTo(KEY);
    assertThat(s.baseUrl()).isNull();
  }

  @Test
  void resolve_providerAloneUsesItsDefaultModel() {
    ModelSettings s =
        ModelConfig.resolve("ollama", null, dir.resolve("none.toml"), Map.of()).orElseThrow();
    assertThat(s.modelName()).isEqualTo(Provider.OLLAMA.defaultModel());
    assertThat(s.apiKey()).isNull();
  }

  @Test
  void resolve_isEmptyWhenNothingIsConfigured() {
    assertThat(ModelConfig.resolve(null, null, dir.resolve("none.toml"), Map.of())).isEmpty();
  }

  @Test
  void resolve_readsConfigTomlAndItsBaseUrl() throws Exception {
    Path toml =
        Files.writeString(
            dir.resolve("config.toml"),
            "[model]\nprovider = \"openai\"\nname = \"local-llama\"\n"
                + "base_url = \"http://localhost:8080/v1\"\nmax_output_tokens = 2048\n");
    ModelSettings s = ModelConfig.resolve(null, null, toml, Map.of()).orElseThrow();
    assertThat(s.label()).isEqualTo("openai:local-llama");
    assertThat(s.baseUrl()).isEqualTo("http://localhost:8080/v1");
    assertThat(s.maxOutputTokens()).isEqualTo(2048);
    assertThat(s.apiKey()).isNull();
  }

  @Test
  void resolve_flagsOverrideTheFileAndGeminiTakesGoogleApiKey() throws Exception {
    Path toml = Files.writeString(dir.resolve("config.toml"), "[model]\nprovider = \"openai\"\n");
    ModelSettings s =
        ModelConfig.resolve(
                "gemini:gemini-2.5-pro", null, toml, Map.of("GOOGLE_API_KEY", "AIzaTEST"))
            .orElseThrow();
    assertThat(s.provider()).isEqualTo(Provider.GEMINI);
    assertThat(s.apiKey()).isEqualTo("AIzaTEST");
  }

  @Test
  void resolve_missingKeyIsAClearConfigurationError() {
    assertThatThrownBy(
            () -> ModelConfig.resolve("openai:gpt-4.1", null, dir.resolve("none.toml"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("OPENAI_API_KEY");
  }

  @Test
  void resolve_rejectsUnknownProvidersBadUrlsAndKeysInFiles() throws Exception {
    assertThatThrownBy(() -> ModelConfig.resolve("mistral:x", null, dir.resolve("n"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("anthropic, openai, ollama, gemini");
    assertThatThrownBy(
            () -> ModelConfig.resolve("ollama", "localhost:1234", dir.resolve("n"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not an http(s) URL");
    Path toml =
        Files.writeString(
            dir.resolve("config.toml"),
            "[model]\nprovider = \"anthropic\"\napi_key = \"" + KEY + "\"\n");
    assertThatThrownBy(() -> ModelConfig.resolve(null, null, toml, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("must not hold an API key")
        .hasMessageNotContaining(KEY);
    Path broken = Files.writeString(dir.resolve("broken.toml"), "[model\nprovider=");
    assertThatThrownBy(() -> ModelConfig.resolve(null, null, broken, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("not valid TOML");
  }

  @Test
  void settings_toStringNeverShowsTheKey() {
    ModelSettings s =
        ModelConfig.resolve("anthropic", null, dir.resolve("n"), Map.of("ANTHROPIC_API_KEY", KEY))
            .orElseThrow();
    assertThat(s.toString()).doesNotContain(KEY).contains("apiKey=(set)");
  }
}
