package dev.orca.skills.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orca.core.OrcaException;
import java.util.Objects;

/**
 * The host side of the kernel built-in {@code analyzeHistory()}: {@code {limit}} → {@code
 * {patterns:[{id,fingerprint,count,tokens,example,suggestion}], savings}}. Register it on the
 * bridge router: {@code router.register("analyzeHistory", handler::analyzeHistory)}.
 */
public final class AnalysisBridgeHandler {
  /** Patterns returned when no limit is given. */
  public static final int DEFAULT_LIMIT = 10;

  private final PatternMiner miner;

  /**
   * Creates the handler.
   *
   * @param miner the miner over the home's history
   */
  public AnalysisBridgeHandler(PatternMiner miner) {
    this.miner = Objects.requireNonNull(miner, "miner");
  }

  /**
   * Answers {@code analyzeHistory}.
   *
   * @param args {@code {limit}} (optional)
   * @return the report as JSON
   */
  public JsonNode analyzeHistory(JsonNode args) {
    int limit = DEFAULT_LIMIT;
    JsonNode l = args == null ? null : args.get("limit");
    if (l != null && !l.isNull()) {
      if (!l.canConvertToInt() || l.asInt() < 1 || l.asInt() > 1000) {
        throw OrcaException.invalid(
            "analyzeHistory: limit must be a number from 1 to 1000, was " + l + ".");
      }
      limit = l.asInt();
    }
    return miner.analyze(limit).toJson();
  }
}
