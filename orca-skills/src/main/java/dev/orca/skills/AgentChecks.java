package dev.orca.skills;

import dev.orca.skills.generate.AgentGenerator;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import dev.orca.skills.store.VersionStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Re-gates learned agents at start: an agent directory whose files differ from the deployed version
 * (a hand edit) is validated again and, when valid, deployed as a new version by "human"; an
 * invalid one is not loaded and says why.
 */
final class AgentChecks {
  private AgentChecks() {}

  /**
   * Checks every agent directory in the store.
   *
   * @param store the skill store
   * @param ag validates and deploys agents
   * @return one entry per agent: loaded or not, re-gated or not, and why
   */
  static List<LoadEntry> checkAll(SkillStore store, AgentGenerator ag) {
    List<LoadEntry> out = new ArrayList<>();
    for (String name : store.agentNames()) {
      Path dir = store.agentDir(name);
      if (!Files.isRegularFile(dir.resolve("agent.toml"))) {
        continue;
      }
      Optional<SkillState> st = store.state(SkillKind.AGENT, name);
      Optional<VersionRecord> d = st.flatMap(SkillState::deployed);
      String hash = AgentGenerator.hashOf(dir);
      if (d.isPresent() && d.get().sourceHash().equals(hash)) {
        out.add(new LoadEntry(name, SkillKind.AGENT, d.get().version(), true, false, ""));
        continue;
      }
      java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
      for (String f : AgentGenerator.FILES) {
        SkillStore.read(dir.resolve(f)).ifPresent(t -> files.put(f, t));
      }
      List<String> problems =
          ag.validate(
              name, files, store.home().cacheDir().resolve("skills").resolve("agent-" + name));
      if (!problems.isEmpty()) {
        out.add(new LoadEntry(name, SkillKind.AGENT, 0, false, true, String.join("; ", problems)));
        continue;
      }
      SkillState state = st.orElse(new SkillState(name, SkillKind.AGENT, List.of()));
      int version = state.nextVersion();
      Path vdir = store.versionDir(SkillKind.AGENT, name, version);
      files.forEach((f, t) -> SkillStore.write(vdir.resolve(f), t));
      String purpose =
          SkillStore.read(dir.resolve("agent.toml"))
              .map(
                  t -> {
                    try {
                      return dev.orca.agent.subagent.AgentToml.parse(
                              t, files.get("prompts.md"), name)
                          .purpose();
                    } catch (RuntimeException e) {
                      return "";
                    }
                  })
              .orElse("");
      store.save(
          state.with(
              new VersionRecord(
                  version,
                  VersionStatus.PENDING,
                  Instant.now().toString(),
                  "human",
                  "",
                  purpose,
                  "callSubagent(\"" + name + "\", variableName)",
                  hash,
                  "",
                  0,
                  true,
                  List.of("validation: passed"),
                  List.of(),
                  0,
                  0,
                  0,
                  0,
                  "",
                  0)));
      ag.deploy(name, version, "gate");
      out.add(new LoadEntry(name, SkillKind.AGENT, version, true, true, ""));
    }
    return out;
  }
}
