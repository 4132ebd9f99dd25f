package dev.orca.skills.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orca.kernel.ExecutionResult;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.Output;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files other parts of Orca keep in a session directory survive its checkpoints. */
class SessionCarryOverTest {
  @TempDir Path root;

  private static KernelSnapshot empty() {
    return new KernelSnapshot(List.of(), List.of(), Instant.now());
  }

  @Test
  void aConversationFile_survivesSavesAndCheckpointsAndStaysAppendable() throws Exception {
    SessionStore store = new SessionStore(root);
    store.save("chat", empty(), List.of());
    Path file = store.directory("chat").resolve("conversation.jsonl");
    Files.writeString(file, "one\n");

    store.save("chat", empty(), List.of());
    Files.writeString(file, "two\n", StandardOpenOption.APPEND);
    SessionCheckpointer cp = new SessionCheckpointer(store, "chat", List::of);
    cp.beforeCell("1 + 1");
    FakeKernel kernel = new FakeKernel();
    cp.afterCell(
        kernel, new ExecutionResult.Success("2", "int", false, Output.EMPTY, Duration.ZERO));

    assertThat(Files.readString(file)).isEqualTo("one\ntwo\n");
    // the checkpoint still ended the running marker, and the manifest is the new one
    assertThat(store.running("chat")).isEmpty();
    assertThat(store.list()).extracting(SessionSummary::name).containsExactly("chat");
  }

  @Test
  void aDirectoryWithOnlyAConversation_becomesASessionWithIt() throws Exception {
    SessionStore store = new SessionStore(root);
    Path dir = Files.createDirectories(store.directory("new"));
    Files.writeString(dir.resolve("conversation.jsonl"), "hello\n");
    assertThat(store.exists("new")).isFalse();

    store.save("new", empty(), List.of());

    assertThat(store.exists("new")).isTrue();
    assertThat(Files.readString(dir.resolve("conversation.jsonl"))).isEqualTo("hello\n");
  }
}
