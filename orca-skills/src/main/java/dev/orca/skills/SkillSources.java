package dev.orca.skills;

import dev.orca.core.OrcaException;
import dev.orca.skills.store.SkillKind;
import dev.orca.skills.store.SkillName;
import dev.orca.skills.store.SkillState;
import dev.orca.skills.store.SkillStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds what a caller named: a learned function by name, class name or file, and its source (a file
 * in the workspace, the deployed file, or the newest version's).
 */
final class SkillSources {
  private final SkillStore store;

  SkillSources(SkillStore store) {
    this.store = store;
  }

  /**
   * Resolves what a caller named: a function name, class name, or a file path.
   *
   * @param path the text
   * @return the function's name
   */
  static SkillName resolveName(String path) {
    if (path == null || path.isBlank()) {
      throw OrcaException.invalid("Give a learned function's name or file, e.g. parseDates.");
    }
    String file = Path.of(path.strip()).getFileName().toString();
    if (file.endsWith("Test.java")) {
      file = file.substring(0, file.length() - "Test.java".length());
    }
    return SkillName.of(file);
  }

  /**
   * The source a caller named: a {@code .java} file in the workspace (relative paths resolve there)
   * or else the learned function's current source. Nothing outside the workspace and {@code
   * learned_skills/} is read.
   */
  String sourceFor(String path, SkillName name) {
    String p = path.strip();
    if (p.endsWith(".java")) {
      Path given = Path.of(p);
      Path resolved =
          (given.isAbsolute() ? given : store.home().workspace().resolve(given)).normalize();
      if (resolved.startsWith(store.home().workspace()) && Files.isRegularFile(resolved)) {
        return SkillStore.read(resolved).orElseThrow();
      }
    }
    return currentSource(name);
  }

  /** The function's current source: the deployed file, else its newest version's. */
  String currentSource(SkillName name) {
    Optional<String> deployed = SkillStore.read(store.functionFile(name));
    if (deployed.isPresent()) {
      return deployed.get();
    }
    return store
        .state(SkillKind.FUNCTION, name.method())
        .flatMap(SkillState::latest)
        .flatMap(
            r ->
                SkillStore.read(
                    store
                        .versionDir(SkillKind.FUNCTION, name.method(), r.version())
                        .resolve(name.className() + ".java")))
        .orElseThrow(
            () ->
                OrcaException.invalid(
                    "No learned function "
                        + name
                        + ": expected "
                        + store.functionFile(name)
                        + " (orca skills list shows them)."));
  }

  /** A scratch directory for the gate's work on one function. */
  Path workDir(SkillName name, String what) {
    return store.home().cacheDir().resolve("skills").resolve(name.className()).resolve(what);
  }
}
