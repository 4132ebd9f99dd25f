package dev.orca.skills;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code generateSubagent} produced.
 *
 * @param name the agent's name
 * @param version the version made
 * @param valid whether it passed validation (tools exist, prompt fits its budget, README says what
 *     it is for, Tools.java passes the gate)
 * @param problems why it is not valid (empty when valid)
 * @param dir the deployed directory, or the version's directory when not deployed
 * @param files the files written, relative to {@code dir}
 * @param deployed whether it is deployed and callable now
 * @param rounds generation rounds
 * @param tokens tokens spent
 */
public record AgentResult(
    String name,
    int version,
    boolean valid,
    List<String> problems,
    Path dir,
    List<String> files,
    boolean deployed,
    int rounds,
    long tokens) {
  /** Validates and copies. */
  public AgentResult {
    Objects.requireNonNull(name, "name");
    problems = List.copyOf(problems);
    Objects.requireNonNull(dir, "dir");
    files = List.copyOf(files);
  }

  /** A copy that says it was deployed to {@code deployedDir}. */
  public AgentResult deployedTo(Path deployedDir) {
    return new AgentResult(
        name, version, valid, problems, deployedDir, files, true, rounds, tokens);
  }
}
