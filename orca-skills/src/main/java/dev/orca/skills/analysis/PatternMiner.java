package dev.orca.skills.analysis;

import dev.orca.core.history.ExecutionRecord;
import dev.orca.core.history.HistoryStore;
import dev.orca.core.history.Outcome;
import dev.orca.core.history.SkillSavings;
import dev.orca.core.history.Stored;
import dev.orca.core.history.ToolCallRecord;
import dev.orca.skills.analysis.internal.CellNormalizer;
import dev.orca.skills.analysis.internal.SignatureHints;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Orca's self-analysis: reads the history and finds the work it keeps repeating.
 *
 * <ul>
 *   <li><b>Cells</b> whose normalized syntax tree recurs ({@link CellNormalizer}: names and
 *       literals abstracted, independent declarations order-normalized), with counts and the tokens
 *       they cost. Fingerprints are computed once and stored back in the history.
 *   <li><b>Tool sequences</b>: the same tools called in the same order (2 to 4 calls) again and
 *       again, within or across sessions.
 *   <li><b>Savings</b> of the learned functions so far (skill events {@code used}).
 * </ul>
 *
 * Each pattern gets an estimate of the tokens a learned function would have saved over its
 * occurrences; patterns are ranked by it. {@link #suggestionToRequest} turns one into a {@code
 * generateFunction} request with the concrete past cells as examples.
 */
public final class PatternMiner {

  /** How many recent cells and tool calls are read by default. */
  public static final int DEFAULT_SCAN = 5_000;

  /** Estimated tokens of calling a learned function instead (the call line and its result). */
  static final int CALL_TOKENS = 25;

  /** Estimated tokens of the code that calls one tool. */
  static final int TOOL_CALL_CODE_TOKENS = 30;

  /** Cells smaller than this (syntax nodes) are not worth a function however often they recur. */
  static final int MIN_SIZE = 12;

  private static final Set<String> GENERIC_CALLS =
      Set.of(
          "println",
          "print",
          "printf",
          "of",
          "get",
          "put",
          "add",
          "toString",
          "size",
          "equals",
          "stream",
          "collect",
          "toList",
          "format",
          "valueOf",
          "hashCode",
          "length",
          "forEach",
          "isEmpty",
          "contains",
          "getOrDefault",
          "orElse",
          "asList",
          "copyOf",
          "entrySet",
          "getKey",
          "getValue",
          "keySet",
          "values",
          "trim",
          "strip");

  private final HistoryStore history;
  private final CellNormalizer normalizer = new CellNormalizer();
  private final int scanLimit;
  private final int minCount;

  /** A miner over the given history, scanning {@link #DEFAULT_SCAN} rows, patterns from 2x. */
  public PatternMiner(HistoryStore history) {
    this(history, DEFAULT_SCAN, 2);
  }

  /**
   * Creates a miner.
   *
   * @param history the history to read
   * @param scanLimit how many recent cells and tool calls to read
   * @param minCount how often work must occur to count as repeated (at least 2)
   */
  public PatternMiner(HistoryStore history, int scanLimit, int minCount) {
    this.history = Objects.requireNonNull(history, "history");
    if (scanLimit < 1 || minCount < 2) {
      throw new IllegalArgumentException("scanLimit >= 1 and minCount >= 2 are required");
    }
    this.scanLimit = scanLimit;
    this.minCount = minCount;
  }

  /**
   * Analyzes the history.
   *
   * @param limit how many patterns to return at most
   * @return ranked patterns and savings
   */
  public AnalysisReport analyze(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    List<Stored<ExecutionRecord>> execs = history.recentExecutions(scanLimit);
    List<Stored<ToolCallRecord>> calls = history.recentToolCalls(scanLimit);
    List<RepeatedWork> found = new ArrayList<>(cellPatterns(execs));
    found.addAll(toolPatterns(calls));
    found.sort(
        Comparator.comparingLong(RepeatedWork::estimatedSaving)
            .reversed()
            .thenComparing(Comparator.comparingInt(RepeatedWork::count).reversed())
            .thenComparing(RepeatedWork::fingerprint));
    List<RepeatedWork> top = found.subList(0, Math.min(limit, found.size()));
    return new AnalysisReport(top, savings(), execs.size(), calls.size());
  }

  /**
   * The fingerprint of a cell, as the analysis computes it.
   *
   * @param code the cell
   * @return its fingerprint
   */
  public String fingerprint(String code) {
    return normalizer.normalize(code).fingerprint();
  }

  /**
   * Turns a pattern into a function-generation request with its concrete past cells as examples.
   *
   * @param work a pattern from {@link #analyze}
   * @return the request for {@code generateFunction}
   */
  public FunctionRequest suggestionToRequest(RepeatedWork work) {
    if (work.kind().equals("tool_sequence")) {
      return new FunctionRequest(
          work.suggestedName(),
          "Call the tools "
              + work.fingerprint()
              + " in this order, passing each result on as the earlier sessions did, and return"
              + " the last result. This sequence ran "
              + work.count()
              + " times by hand. Take the values that differed between runs as parameters.",
          work.examples(),
          SignatureHints.ofTools(work.suggestedName(), List.of(work.fingerprint().split(" > "))));
    }
    List<CellNormalizer.Normalized> cells =
        work.examples().stream().map(normalizer::normalize).toList();
    return new FunctionRequest(
        work.suggestedName(),
        "Do in one call what these "
            + work.count()
            + " past cells did by hand (the same code with different names and values). Make"
            + " the values that differ between the examples (literals and the kernel variables"
            + " they read) parameters, and return the result the cells computed.",
        work.examples(),
        SignatureHints.of(work.suggestedName(), cells));
  }

  // ------------------------------------------------------------------ cells

  private List<RepeatedWork> cellPatterns(List<Stored<ExecutionRecord>> execs) {
    Map<String, List<Stored<ExecutionRecord>>> groups = new LinkedHashMap<>();
    Map<Long, String> computed = new HashMap<>();
    for (Stored<ExecutionRecord> e : execs) {
      if (e.value().outcome() != Outcome.OK) {
        continue;
      }
      String fp = e.value().fingerprint();
      if (fp == null || !fp.startsWith(CellNormalizer.VERSION + ":")) {
        fp = normalizer.normalize(e.value().code()).fingerprint();
        computed.put(e.id(), fp);
      }
      groups.computeIfAbsent(fp, k -> new ArrayList<>()).add(e);
    }
    if (!computed.isEmpty()) {
      history.storeFingerprints(computed);
    }
    List<RepeatedWork> out = new ArrayList<>();
    for (Map.Entry<String, List<Stored<ExecutionRecord>>> g : groups.entrySet()) {
      List<Stored<ExecutionRecord>> occ = g.getValue();
      if (occ.size() < minCount) {
        continue;
      }
      String latest = occ.get(occ.size() - 1).value().code();
      CellNormalizer.Normalized norm = normalizer.normalize(latest);
      if (norm.size() < MIN_SIZE) {
        continue;
      }
      long tokens = 0;
      long saving = 0;
      Set<String> sessions = new HashSet<>();
      for (Stored<ExecutionRecord> e : occ) {
        long t = cellTokens(e.value());
        tokens += t;
        saving += Math.max(0, t - CALL_TOKENS);
        sessions.add(e.value().sessionId());
      }
      List<String> examples = new ArrayList<>();
      for (int i = Math.max(0, occ.size() - 5); i < occ.size(); i++) {
        examples.add(occ.get(i).value().code());
      }
      String name = suggestName(norm.calls(), g.getKey());
      out.add(
          new RepeatedWork(
              "cell",
              g.getKey(),
              occ.size(),
              sessions.size(),
              tokens,
              saving,
              latest,
              examples,
              occ.stream().map(Stored::id).toList(),
              name,
              "Make it a learned function: generateFunction(\""
                  + name
                  + "\", ...) with these "
                  + occ.size()
                  + " cells as examples; each later use would cost ~"
                  + CALL_TOKENS
                  + " tokens instead of ~"
                  + tokens / occ.size()
                  + "."));
    }
    return out;
  }

  /** Recorded tokens, or an estimate from the code's length when none were recorded. */
  static long cellTokens(ExecutionRecord e) {
    return e.tokens() > 0 ? e.tokens() : Math.max(1, e.code().length() / 4) + 10;
  }

  // ------------------------------------------------------------------ tool sequences

  private List<RepeatedWork> toolPatterns(List<Stored<ToolCallRecord>> calls) {
    Map<String, List<String>> bySession = new LinkedHashMap<>();
    for (Stored<ToolCallRecord> c : calls) {
      if (c.value().outcome() == Outcome.OK) {
        bySession
            .computeIfAbsent(c.value().sessionId(), k -> new ArrayList<>())
            .add(c.value().toolId());
      }
    }
    Map<List<String>, Integer> counts = new HashMap<>();
    Map<List<String>, Set<String>> sessions = new HashMap<>();
    for (Map.Entry<String, List<String>> s : bySession.entrySet()) {
      List<String> seq = s.getValue();
      for (int n = 2; n <= 4; n++) {
        for (int i = 0; i + n <= seq.size(); i++) {
          List<String> gram = List.copyOf(seq.subList(i, i + n));
          if (new HashSet<>(gram).size() == 1) {
            continue; // one tool in a loop is a fan-out, not a sequence
          }
          counts.merge(gram, 1, Integer::sum);
          sessions.computeIfAbsent(gram, k -> new HashSet<>()).add(s.getKey());
        }
      }
    }
    List<RepeatedWork> out = new ArrayList<>();
    for (Map.Entry<List<String>, Integer> e : counts.entrySet()) {
      List<String> gram = e.getKey();
      int count = e.getValue();
      if (count < minCount || subsumed(gram, count, counts)) {
        continue;
      }
      String id = String.join(" > ", gram);
      long perUse = (long) gram.size() * TOOL_CALL_CODE_TOKENS;
      String name = suggestName(toolWords(gram), id);
      out.add(
          new RepeatedWork(
              "tool_sequence",
              id,
              count,
              sessions.get(gram).size(),
              perUse * count,
              Math.max(0, perUse - CALL_TOKENS) * count,
              id,
              List.of(id),
              List.of(),
              name,
              "These "
                  + gram.size()
                  + " tools ran in this order "
                  + count
                  + " times: a learned function \""
                  + name
                  + "\" could chain them in one call (token figures are estimates)."));
    }
    return out;
  }

  /** Whether a longer sequence containing this one occurs as often (then report only that one). */
  private static boolean subsumed(List<String> gram, int count, Map<List<String>, Integer> all) {
    for (Map.Entry<List<String>, Integer> e : all.entrySet()) {
      List<String> other = e.getKey();
      if (other.size() > gram.size()
          && e.getValue() >= count
          && java.util.Collections.indexOfSubList(other, gram) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static List<String> toolWords(List<String> tools) {
    List<String> words = new ArrayList<>();
    for (String t : tools) {
      String last = t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('/')) + 1);
      words.add(last);
    }
    return words;
  }

  // ------------------------------------------------------------------ naming and savings

  static String suggestName(List<String> calls, String fingerprint) {
    List<String> words = new ArrayList<>();
    for (String c : calls) {
      if (!GENERIC_CALLS.contains(c) && !words.contains(c)) {
        words.add(c);
      }
      if (words.size() == 2) {
        break;
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String w : words) {
      for (String part : w.split("[^A-Za-z0-9]+")) {
        if (part.isEmpty()) {
          continue;
        }
        if (sb.length() == 0) {
          sb.append(Character.toLowerCase(part.charAt(0))).append(part.substring(1));
        } else {
          sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
      }
    }
    if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
      String hex = fingerprint.replaceAll("[^0-9a-f]", "");
      return "repeatedTask" + hex.substring(0, Math.min(6, hex.length())).toUpperCase(Locale.ROOT);
    }
    return sb.length() > 48 ? sb.substring(0, 48) : sb.toString();
  }

  private Savings savings() {
    List<SkillSavings> bySkill = history.skillSavings();
    long uses = 0;
    long saved = 0;
    long spent = 0;
    for (SkillSavings s : bySkill) {
      uses += s.uses();
      saved += s.tokensSaved();
      spent += s.tokensSpent();
    }
    return new Savings(uses, saved, spent, bySkill);
  }
}
