package dev.orca.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretRedactorTest {

  private final SecretRedactor redactor =
      new SecretRedactor(
          Map.of(
              "OPENAI_API_KEY", "plainvalue12345",
              "MY_SERVICE_TOKEN", "tok-987654321",
              "HOME", "/root/very/long/path",
              "SHORT_KEY", "abc"));

  @Test
  void redact_removesEnvironmentSecretValues() {
    assertThat(redactor.redact("key=plainvalue12345 and tok-987654321"))
        .isEqualTo("key=[REDACTED] and [REDACTED]");
  }

  @Test
  void redact_keepsNonSecretEnvironmentValues() {
    assertThat(redactor.redact("cd /root/very/long/path; abc"))
        .isEqualTo("cd /root/very/long/path; abc");
  }

  @Test
  void redact_removesProviderKeyShapes() {
    assertThat(redactor.redact("sk-ant-api03-AbCdEfGhIjKlMnOpQrStUv_wx-yz"))
        .isEqualTo("[REDACTED]");
    assertThat(redactor.redact("id AKIAABCDEFGHIJKLMNOP end")).isEqualTo("id [REDACTED] end");
    assertThat(redactor.redact("AIzaSyA1234567890abcdefghijklmnopqrstuv")).isEqualTo("[REDACTED]");
    assertThat(redactor.redact("ghp_abcdefghijklmnopqrstuvwxyz0123")).isEqualTo("[REDACTED]");
    assertThat(redactor.redact("xoxb-1234567890-abcdef")).isEqualTo("[REDACTED]");
  }

  @Test
  void redact_removesBearerAndAssignedSecretsKeepingTheirNames() {
    assertThat(redactor.redact("Authorization: Bearer abcdefghijklmnop.qrstuv"))
        .isEqualTo("Authorization: Bearer [REDACTED]");
    assertThat(redactor.redact("Map.of(\"apiKey\", \"x\"); String password = \"hunter22hunter\";"))
        .isEqualTo("Map.of(\"apiKey\", \"x\"); String password = \"[REDACTED]\";");
    assertThat(redactor.redact("{\"token\": \"0123456789abcdef\"}"))
        .isEqualTo("{\"token\": \"[REDACTED]\"}");
  }

  @Test
  void redact_leavesOrdinaryCodeAlone() {
    String code =
        "String token = tokenizer.next();\nvar skip = task-list;\nint sk = 3; // sk-short";
    assertThat(redactor.redact(code)).isEqualTo(code);
    assertThat(redactor.redact(null)).isNull();
  }
}
