package dev.orca.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.kernel.RestoreReport;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol's variable entries and restore reports, with declarations to replay. */
class KernelStateTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void variableValue_keepsTheDeclarationToReplayOfAValueThatIsNotData() throws Exception {
    KernelSnapshot.VariableValue v =
        KernelState.variableValue(
            JSON.readTree(
                "{\"name\":\"p\",\"type\":\"Pattern\",\"reason\":\"not data\","
                    + "\"replay\":\"Pattern p = Pattern.compile(\\\"a\\\");\"}"));
    assertThat(v.recomputable()).isTrue();
    assertThat(v.replaySource()).isEqualTo("Pattern p = Pattern.compile(\"a\");");
    assertThat(v.notRestorableReason()).isEqualTo("not data");
    ObjectNode entry = KernelState.restoreEntry(v);
    assertThat(entry.path("replay").asText()).isEqualTo(v.replaySource());
    assertThat(entry.path("json").isNull()).isTrue();
    assertThat(KernelState.variableValue(entry)).isEqualTo(v);

    KernelSnapshot.VariableValue data =
        KernelState.variableValue(
            JSON.readTree("{\"name\":\"n\",\"type\":\"int\",\"json\":\"1\"}"));
    assertThat(data.recomputable()).isFalse();
    assertThat(data.replaySource()).isNull();
    assertThatThrownBy(() -> new KernelSnapshot.VariableValue("n", "int", "1", null, "int n = 1;"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void restoreReply_countsRecomputedVariablesAsRestoredAndSaysWhichTheyAre() throws Exception {
    RestoreReport report =
        Replies.restore(
            JSON.readTree(
                "{\"replayed\":[\"twice\"],\"restored\":[\"n\"],\"recomputed\":[\"p\"],"
                    + "\"lost\":[{\"name\":\"t\",\"reason\":\"not data\"}]}"));
    assertThat(report.restoredVariables()).containsExactly("n", "p");
    assertThat(report.recomputedVariables()).containsExactly("p");
    assertThat(report.recomputed("p")).isTrue();
    assertThat(report.recomputed("n")).isFalse();
    assertThat(report.describe()).contains("recomputed by replay: p").contains("t (not data)");
    // Replies of kernels without replays still read.
    RestoreReport old = Replies.restore(JSON.readTree("{\"restored\":[\"n\"]}"));
    assertThat(old.recomputedVariables()).isEmpty();
    assertThat(new RestoreReport(List.of(), List.of("n"), List.of()).recomputedVariables())
        .isEmpty();
  }
}
