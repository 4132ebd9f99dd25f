package dev.orca.cli.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orca.cli.sessions.SessionRequest;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ChatCommandTest {

  private static SessionRequest parse(String... args) {
    ChatCommand chat = new ChatCommand();
    new CommandLine(chat).parseArgs(args);
    return chat.sessionRequest();
  }

  @Test
  void resume_withoutANameMeansTheMostRecentSession() {
    SessionRequest r = parse("--resume");
    assertThat(r.mustExist()).isTrue();
    assertThat(r.name()).isNull();
    // the orchestrator records chat cells itself (with tokens)
    assertThat(r.recordCells()).isFalse();
  }

  @Test
  void resume_withANameAndSession() {
    assertThat(parse("--resume", "work"))
        .isEqualTo(new SessionRequest("chat", "work", true, false));
    assertThat(parse("--session", "work"))
        .isEqualTo(new SessionRequest("chat", "work", false, false));
    assertThat(parse()).isEqualTo(new SessionRequest("chat", null, false, false));
  }

  @Test
  void resumeAndSessionTogether_isAUsageError() {
    assertThatThrownBy(() -> parse("--resume", "a", "--session", "b"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--resume and --session");
  }
}
