package dev.orca.skills;

import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import dev.orca.skills.store.VersionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line per learned skill for {@code orca skills list}: its deployed version, how many versions
 * it has, and its state ({@code deployed}, {@code edited}, {@code pending}, {@code unrecorded} or
 * {@code rejected}).
 */
final class SkillListing {
  private SkillListing() {}

  /**
   * Every learned skill in a store.
   *
   * @param store the skill store
   * @return one summary per skill, functions first
   */
  static List<SkillSummary> list(SkillStore store) {
    List<SkillSummary> out = new ArrayList<>();
    for (SkillName name : store.functionNames()) {
      Optional<SkillState> st = store.state(SkillKind.FUNCTION, name.method());
      Optional<String> src = SkillStore.read(store.functionFile(name));
      Optional<VersionRecord> d = st.flatMap(SkillState::deployed);
      String state;
      if (d.isPresent()
          && src.isPresent()
          && !SkillStore.sha256(src.get()).equals(d.get().sourceHash())) {
        state = "edited";
      } else if (d.isPresent()) {
        state = "deployed";
      } else if (st.flatMap(SkillState::latest)
          .map(r -> r.status() == VersionStatus.PENDING)
          .orElse(false)) {
        state = "pending";
      } else if (src.isPresent()) {
        state = "unrecorded";
      } else {
        state = "rejected";
      }
      VersionRecord shown = d.or(() -> st.flatMap(SkillState::latest)).orElse(null);
      out.add(
          new SkillSummary(
              name.method(),
              SkillKind.FUNCTION,
              d.map(VersionRecord::version).orElse(0),
              st.map(s -> s.versions().size()).orElse(0),
              state,
              shown == null ? "" : shown.signature(),
              shown == null ? "" : shown.description()));
    }
    for (String agent : store.agentNames()) {
      Optional<SkillState> st = store.state(SkillKind.AGENT, agent);
      Optional<VersionRecord> d = st.flatMap(SkillState::deployed);
      VersionRecord shown = d.or(() -> st.flatMap(SkillState::latest)).orElse(null);
      out.add(
          new SkillSummary(
              agent,
              SkillKind.AGENT,
              d.map(VersionRecord::version).orElse(0),
              st.map(s -> s.versions().size()).orElse(0),
              d.isPresent() ? "deployed" : shown == null ? "unrecorded" : "pending",
              "callSubagent(\"" + agent + "\", variableName)",
              shown == null ? "" : shown.description()));
    }
    return out;
  }
}
