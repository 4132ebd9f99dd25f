package dev.orca.tools.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class InterleaveTest {

  @Test
  void roundRobin_takesTurnsStartingWithTheMainRanking() {
    List<String> merged =
        Interleave.roundRobin(List.of(List.of("a1", "a2", "a3"), List.of("b1", "b2")), 1);
    assertThat(merged).containsExactly("a1", "b1", "a2", "b2", "a3");
  }

  @Test
  void roundRobin_headGivesTheMainRankingTheFirstSlots() {
    List<String> merged =
        Interleave.roundRobin(
            List.of(List.of("a1", "a2", "a3", "a4"), List.of("b1", "b2"), List.of("c1")), 2);
    assertThat(merged).containsExactly("a1", "a2", "b1", "c1", "a3", "b2", "a4");
  }

  @Test
  void roundRobin_skipsItemsAlreadyTakenSoEachTurnAddsANewOne() {
    List<String> merged =
        Interleave.roundRobin(List.of(List.of("x", "a2", "a3"), List.of("x", "b2", "b3")), 1);
    assertThat(merged).containsExactly("x", "b2", "a2", "b3", "a3");
  }

  @Test
  void roundRobin_handlesEmptyAndSingleRankings() {
    assertThat(Interleave.roundRobin(List.<List<String>>of(), 1)).isEmpty();
    assertThat(Interleave.roundRobin(List.of(List.of("a", "b")), 3)).containsExactly("a", "b");
    assertThat(Interleave.roundRobin(List.of(List.<String>of(), List.of("b")), 1))
        .containsExactly("b");
    assertThatThrownBy(() -> Interleave.roundRobin(List.of(List.of("a")), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
