package dev.orca.cli.sessions;

import dev.orca.core.OrcaHome;
import dev.orca.kernel.Kernel;
import dev.orca.skills.DeployedFunction;
import dev.orca.skills.LoadEntry;
import dev.orca.skills.runtime.SkillRuntime;
import dev.orca.skills.session.SkillActivator;
import dev.orca.skills.session.SkillReference;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import dev.orca.skills.store.VersionRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The learned skills of a session: which functions and agents (with their versions) a checkpoint
 * references ({@link #inUse()}), and, when a session is loaded, bringing its functions back at the
 * versions it recorded ({@link #activate}).
 *
 * <p>A function whose recorded version is the deployed one is already loaded (every kernel gets the
 * deployed functions). One saved at another version is loaded from {@code
 * functions/versions/Name/vN/} when that version's files are still there, else the deployed version
 * stays and the note says so. Agents are registered once per process at their deployed version; the
 * note says when the session recorded another one.
 */
public final class SessionSkills implements SkillActivator {

  private final SkillRuntime runtime;
  private final SkillStore store;
  private final OrcaHome home;
  private final List<SkillReference> agents;

  /**
   * Creates the view.
   *
   * @param runtime the skills runtime (deployed functions, loading into a kernel)
   * @param store the skill store (versions, state)
   */
  public SessionSkills(SkillRuntime runtime, SkillStore store) {
    this.runtime = Objects.requireNonNull(runtime, "runtime");
    this.store = Objects.requireNonNull(store, "store");
    this.home = store.home();
    this.agents = deployedAgents();
  }

  private List<SkillReference> deployedAgents() {
    List<SkillReference> out = new ArrayList<>();
    try {
      for (String name : store.agentNames()) {
        Optional<Integer> version = deployedVersion(SkillKind.AGENT, name);
        if (version.isPresent()) {
          out.add(
              new SkillReference(
                  "agent", name, Integer.toString(version.get()), relative(store.agentDir(name))));
        }
      }
    } catch (RuntimeException e) {
      // a damaged agent record: the session then simply does not reference it
    }
    return List.copyOf(out);
  }

  /**
   * The learned functions deployed now and the agents deployed when the run started, with their
   * versions and paths relative to the home: what a checkpoint records.
   *
   * @return the references, functions first, by name
   */
  public List<SkillReference> inUse() {
    List<SkillReference> out = new ArrayList<>();
    runtime.deployed().values().stream()
        .sorted(Comparator.comparing(f -> f.name().method()))
        .forEach(
            f ->
                out.add(
                    new SkillReference(
                        "function",
                        f.name().method(),
                        Integer.toString(f.version()),
                        relative(store.functionFile(f.name())))));
    out.addAll(agents);
    return out;
  }

  @Override
  public List<String> activate(List<SkillReference> references, Kernel kernel) {
    Kernel raw = SessionKernel.innermost(kernel);
    List<String> notes = new ArrayList<>();
    for (SkillReference ref : references) {
      try {
        notes.add(ref.kind().equals("function") ? activateFunction(ref, raw) : describeAgent(ref));
      } catch (RuntimeException e) {
        notes.add(ref.kind() + " " + ref.name() + " v" + ref.version() + ": " + e.getMessage());
      }
    }
    return notes;
  }

  private String activateFunction(SkillReference ref, Kernel kernel) {
    DeployedFunction deployed = runtime.deployed().get(ref.name());
    String saved = "function " + ref.name() + " (saved at version " + ref.version() + ")";
    if (deployed != null && Integer.toString(deployed.version()).equals(ref.version())) {
      return saved + ": loaded";
    }
    Integer version = parse(ref.version());
    SkillName name = SkillName.of(ref.name());
    Optional<String> source =
        version == null
            ? Optional.empty()
            : SkillStore.read(
                store
                    .versionDir(SkillKind.FUNCTION, ref.name(), version)
                    .resolve(name.className() + ".java"));
    String fallback =
        deployed == null
            ? "it is not deployed any more, so it is not available"
            : "the deployed version " + deployed.version() + " is loaded instead";
    if (source.isEmpty()) {
      return saved + ": that version's files are missing; " + fallback;
    }
    Optional<VersionRecord> record =
        store.state(SkillKind.FUNCTION, ref.name()).flatMap(s -> s.version(version));
    LoadEntry entry =
        runtime.load(
            kernel,
            new DeployedFunction(
                name,
                version,
                record.map(VersionRecord::signature).orElse(""),
                record.map(VersionRecord::description).orElse(""),
                source.get()));
    if (entry.loaded()) {
      return saved
          + ": loaded at that version"
          + (deployed == null ? "" : " (version " + deployed.version() + " is deployed)");
    }
    return saved + ": could not be loaded (" + entry.reason() + "); " + fallback;
  }

  private String describeAgent(SkillReference ref) {
    String saved = "agent " + ref.name() + " (saved at version " + ref.version() + ")";
    Optional<Integer> deployed = deployedVersion(SkillKind.AGENT, ref.name());
    if (deployed.isEmpty()) {
      return saved + ": not deployed any more, so it is not available";
    }
    if (Integer.toString(deployed.get()).equals(ref.version())) {
      return saved + ": registered";
    }
    return saved + ": version " + deployed.get() + " is the deployed one and is used";
  }

  private Optional<Integer> deployedVersion(SkillKind kind, String name) {
    return store.state(kind, name).flatMap(SkillState::deployed).map(VersionRecord::version);
  }

  private String relative(Path p) {
    Path root = home.root().toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(root) ? root.relativize(abs).toString() : abs.toString();
  }

  private static Integer parse(String version) {
    try {
      return Integer.valueOf(version.strip().replaceFirst("^v", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
