package dev.orca.skills.store;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Objects;

/**
 * One version of a skill, as kept in its {@code state.json}.
 *
 * @param version the version number, from 1
 * @param status where it stands
 * @param created when it was made (ISO-8601)
 * @param generator who wrote it ({@code code_generator (model)}, {@code agent_generator}, {@code
 *     human})
 * @param requestHash hash of the request that produced it
 * @param description what the skill does (the request's description)
 * @param signature the kernel signature, e.g. {@code List<String> parseDates(String text)}
 * @param sourceHash sha256 of the deployed source file's text
 * @param testHash sha256 of its test file's text (empty when none)
 * @param rounds generation rounds it took
 * @param gatePassed whether it passed the whole gate
 * @param gateSummary one line per gate step (compile, policy, style, tests, review)
 * @param blockingIssues the critical/major findings that remained
 * @param testsPassed tests passed
 * @param testsFailed tests failed
 * @param lineCoverage line coverage in [0, 1]
 * @param branchCoverage branch coverage in [0, 1]
 * @param approvedBy who approved it: {@code gate}, {@code person}, or empty
 * @param tokens model tokens spent creating it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record VersionRecord(
    int version,
    VersionStatus status,
    String created,
    String generator,
    String requestHash,
    String description,
    String signature,
    String sourceHash,
    String testHash,
    int rounds,
    boolean gatePassed,
    List<String> gateSummary,
    List<String> blockingIssues,
    int testsPassed,
    int testsFailed,
    double lineCoverage,
    double branchCoverage,
    String approvedBy,
    long tokens) {

  /** Validates and copies. */
  public VersionRecord {
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1");
    }
    Objects.requireNonNull(status, "status");
    created = Objects.requireNonNullElse(created, "");
    generator = Objects.requireNonNullElse(generator, "");
    requestHash = Objects.requireNonNullElse(requestHash, "");
    description = Objects.requireNonNullElse(description, "");
    signature = Objects.requireNonNullElse(signature, "");
    sourceHash = Objects.requireNonNullElse(sourceHash, "");
    testHash = Objects.requireNonNullElse(testHash, "");
    gateSummary = gateSummary == null ? List.of() : List.copyOf(gateSummary);
    blockingIssues = blockingIssues == null ? List.of() : List.copyOf(blockingIssues);
    approvedBy = Objects.requireNonNullElse(approvedBy, "");
  }

  /** A copy with another status. */
  public VersionRecord withStatus(VersionStatus s) {
    return new VersionRecord(
        version,
        s,
        created,
        generator,
        requestHash,
        description,
        signature,
        sourceHash,
        testHash,
        rounds,
        gatePassed,
        gateSummary,
        blockingIssues,
        testsPassed,
        testsFailed,
        lineCoverage,
        branchCoverage,
        approvedBy,
        tokens);
  }

  /** A copy deployed by someone. */
  public VersionRecord deployedBy(String who) {
    return new VersionRecord(
        version,
        VersionStatus.DEPLOYED,
        created,
        generator,
        requestHash,
        description,
        signature,
        sourceHash,
        testHash,
        rounds,
        gatePassed,
        gateSummary,
        blockingIssues,
        testsPassed,
        testsFailed,
        lineCoverage,
        branchCoverage,
        who,
        tokens);
  }
}
