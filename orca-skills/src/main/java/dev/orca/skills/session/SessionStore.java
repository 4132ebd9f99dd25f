package dev.orca.skills.session;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.orca.core.OrcaException;
import dev.orca.core.OrcaHome;
import dev.orca.kernel.KernelSnapshot;
import dev.orca.skills.session.internal.OrcaVersion;
import dev.orca.skills.session.internal.SessionFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Saved sessions under {@code learned_skills/sessions/<name>/}: {@code manifest.json}, {@code
 * definitions.jsonl} (the ordered snippet log) and {@code values/} (one {@code .json} per variable;
 * Tablesaw tables as {@code .csv} with their column types in the manifest; a value that is not data
 * but whose declaration is pure is kept as that declaration, in the manifest, to replay).
 *
 * <p>Writes are atomic: a new version is built beside the old one and swapped in, so a crash never
 * leaves half a session. Values whose JSON did not change since the previous version are linked,
 * not rewritten, which makes per-cell checkpoints cheap. Values are only stored and handed back to
 * a kernel: nothing is deserialized into Java objects on the host. Thread-safe within a process.
 */
public final class SessionStore {

  /** Marker of the cell running now (removed when it ends). */
  public static final String RUNNING = "running.json";

  static final String DEFINITIONS = "definitions.jsonl";
  static final String VALUES = "values";
  private static final String TABLE_MARKER = "@orca.table";
  private static final Pattern SAFE_FILE = Pattern.compile("[A-Za-z0-9_$]{1,80}");

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(SerializationFeature.INDENT_OUTPUT);

  private final Path root;
  private final String orcaVersion;
  private final Map<String, Object[]> hashCache = new HashMap<>();

  /**
   * Creates a store over a sessions directory.
   *
   * @param root the directory holding one sub-directory per session (created on first save)
   */
  public SessionStore(Path root) {
    this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
    this.orcaVersion = OrcaVersion.get();
  }

  /** The store of a home's {@code learned_skills/sessions/}. */
  public static SessionStore forHome(OrcaHome home) {
    return new SessionStore(home.sessionsDir());
  }

  /** The sessions directory. */
  public Path root() {
    return root;
  }

  /** The directory of a session (which may not exist). */
  public Path directory(String name) {
    return root.resolve(SessionName.check(name));
  }

  /** Whether a session exists. */
  public synchronized boolean exists(String name) {
    recover(SessionName.check(name));
    return Files.exists(directory(name).resolve(SessionFiles.MANIFEST));
  }

  // ---------------------------------------------------------------- save

  /**
   * Saves a kernel snapshot as a session, replacing an earlier version of the same name.
   *
   * @param name the session's name
   * @param snapshot the kernel's state
   * @param skills learned functions and agents in use, with their versions
   * @return the manifest written
   * @throws OrcaException when the session cannot be written
   */
  public SessionManifest save(String name, KernelSnapshot snapshot, List<SkillReference> skills) {
    return write(name, snapshot, skills, true);
  }

  /**
   * Writes a checkpoint after a cell finished: like {@link #save} but it also ends the cell's
   * {@link #RUNNING} marker, in the same atomic step.
   */
  SessionManifest checkpoint(String name, KernelSnapshot snapshot, List<SkillReference> skills) {
    return write(name, snapshot, skills, false);
  }

  private synchronized SessionManifest write(
      String name, KernelSnapshot snapshot, List<SkillReference> skills, boolean keepRunning) {
    SessionName.check(name);
    Objects.requireNonNull(snapshot, "snapshot");
    Path target = root.resolve(name);
    Path tmp = null;
    try {
      Files.createDirectories(root);
      recover(name);
      SessionManifest previous = readManifestOrNull(target);
      tmp = SessionFiles.newTemp(root, name);
      Path values = Files.createDirectories(tmp.resolve(VALUES));
      writeDefinitions(tmp.resolve(DEFINITIONS), snapshot.definitions());
      List<SavedVariable> saved = new ArrayList<>();
      Set<String> usedFiles = new HashSet<>();
      for (KernelSnapshot.VariableValue v : snapshot.variables()) {
        saved.add(writeVariable(v, values, target.resolve(VALUES), previous, usedFiles));
      }
      if (keepRunning && Files.exists(target.resolve(RUNNING))) {
        Files.copy(target.resolve(RUNNING), tmp.resolve(RUNNING));
      }
      SessionFiles.carryOver(target, tmp, Set.of(RUNNING, SessionFiles.MANIFEST));
      Instant now = Instant.now();
      SessionManifest manifest =
          new SessionManifest(
              SessionManifest.FORMAT,
              name,
              previous == null ? now : previous.created(),
              now,
              orcaVersion,
              snapshot.takenAt(),
              snapshot.definitions().size(),
              saved,
              skills == null ? List.of() : skills);
      Files.write(tmp.resolve(SessionFiles.MANIFEST), MAPPER.writeValueAsBytes(manifest));
      SessionFiles.swap(tmp, target, name);
      tmp = null;
      return manifest;
    } catch (IOException e) {
      throw new OrcaException(
          "Could not save session '" + name + "' under " + root + ": " + e.getMessage(), true, e);
    } finally {
      if (tmp != null) {
        try {
          SessionFiles.deleteRecursively(tmp);
        } catch (IOException ignored) {
          // recover() removes it next time
        }
      }
    }
  }

  private static void writeDefinitions(Path file, List<KernelSnapshot.Definition> defs)
      throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (KernelSnapshot.Definition d : defs) {
        ObjectNode line = MAPPER.createObjectNode();
        line.put("kind", d.kind()).put("name", d.name()).put("source", d.source());
        w.write(line.toString());
        w.write('\n');
      }
    }
  }

  private SavedVariable writeVariable(
      KernelSnapshot.VariableValue v,
      Path values,
      Path previousValues,
      SessionManifest previous,
      Set<String> usedFiles)
      throws IOException {
    if (v.recomputable()) {
      return new SavedVariable(
          v.name(),
          v.type(),
          VariableStorage.REPLAY,
          null,
          null,
          0,
          null,
          List.of(),
          v.notRestorableReason(),
          v.replaySource());
    }
    if (!v.restorable()) {
      return new SavedVariable(
          v.name(),
          v.type(),
          VariableStorage.NOT_RESTORABLE,
          null,
          null,
          0,
          null,
          List.of(),
          v.notRestorableReason(),
          null);
    }
    String json = v.json();
    String hash = hashOf(v.name(), json);
    SavedVariable before = previous == null ? null : previous.variable(v.name());
    if (before != null
        && hash.equals(before.sha256())
        && before.type().equals(v.type())
        && before.file() != null
        && usedFiles.add(before.file().toLowerCase(Locale.ROOT))
        && Files.exists(previousValues.resolve(before.file()))) {
      SessionFiles.linkOrCopy(previousValues.resolve(before.file()), values.resolve(before.file()));
      return before;
    }
    boolean table = isTable(json);
    String base = fileBase(v.name(), usedFiles);
    if (table) {
      JsonNode node = MAPPER.readTree(json);
      List<TableColumn> columns = new ArrayList<>();
      for (JsonNode c : node.path("columns")) {
        columns.add(new TableColumn(c.path("name").asText(), c.path("type").asText()));
      }
      String file = base + ".csv";
      byte[] csv = node.path("csv").asText("").getBytes(StandardCharsets.UTF_8);
      Files.write(values.resolve(file), csv);
      return new SavedVariable(
          v.name(),
          v.type(),
          VariableStorage.TABLE_CSV,
          file,
          hash,
          csv.length,
          node.path("name").asText(""),
          columns,
          null,
          null);
    }
    String file = base + ".json";
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    Files.write(values.resolve(file), bytes);
    return new SavedVariable(
        v.name(),
        v.type(),
        VariableStorage.JSON,
        file,
        hash,
        bytes.length,
        null,
        List.of(),
        null,
        null);
  }

  private static boolean isTable(String json) {
    int i = 0;
    while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
      i++;
    }
    if (i >= json.length() || json.charAt(i) != '{') {
      return false;
    }
    int head = Math.min(json.length(), i + 64);
    return json.substring(i, head).contains("\"" + TABLE_MARKER + "\"");
  }

  private static String fileBase(String variable, Set<String> used) {
    String base = SAFE_FILE.matcher(variable).matches() ? variable : "var";
    String candidate = base;
    for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
      candidate = base + "~" + n;
    }
    return candidate;
  }

  // ---------------------------------------------------------------- load and inspect

  /**
   * Reads a session back.
   *
   * @param name the session's name
   * @return its manifest, its snapshot, and the cell that was running when it stopped, if any
   * @throws OrcaException when there is no such session or its files are damaged
   */
  public synchronized LoadedSession load(String name) {
    SessionName.check(name);
    Path dir = root.resolve(name);
    recover(name);
    SessionManifest manifest = manifest(name).orElseThrow(() -> noSuchSession(name));
    try {
      List<KernelSnapshot.Definition> defs = new ArrayList<>();
      Path defsFile = dir.resolve(DEFINITIONS);
      if (Files.exists(defsFile)) {
        for (String line : Files.readAllLines(defsFile, StandardCharsets.UTF_8)) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode d = MAPPER.readTree(line);
          defs.add(
              new KernelSnapshot.Definition(
                  d.path("kind").asText(), d.path("name").asText(), d.path("source").asText()));
        }
      }
      List<KernelSnapshot.VariableValue> vars = new ArrayList<>();
      for (SavedVariable v : manifest.variables()) {
        vars.add(readVariable(dir.resolve(VALUES), v));
      }
      KernelSnapshot snapshot = new KernelSnapshot(defs, vars, manifest.snapshotTakenAt());
      return new LoadedSession(manifest, snapshot, running(name));
    } catch (IOException e) {
      throw new OrcaException(
          "Session '" + name + "' at " + dir + " is damaged: " + e.getMessage(), false, e);
    }
  }

  private static KernelSnapshot.VariableValue readVariable(Path values, SavedVariable v)
      throws IOException {
    switch (v.how()) {
      case NOT_RESTORABLE:
        return new KernelSnapshot.VariableValue(v.name(), v.type(), null, v.reason());
      case REPLAY:
        return new KernelSnapshot.VariableValue(v.name(), v.type(), null, v.reason(), v.source());
      case TABLE_CSV:
        {
          ObjectNode table = MAPPER.createObjectNode();
          table.put(TABLE_MARKER, true);
          table.put("name", v.tableName() == null ? "" : v.tableName());
          ArrayNode cols = table.putArray("columns");
          for (TableColumn c : v.columns()) {
            cols.addObject().put("name", c.name()).put("type", c.type());
          }
          table.put("csv", Files.readString(values.resolve(v.file()), StandardCharsets.UTF_8));
          return new KernelSnapshot.VariableValue(v.name(), v.type(), table.toString(), null);
        }
      default:
        return new KernelSnapshot.VariableValue(
            v.name(), v.type(), Files.readString(values.resolve(v.file())), null);
    }
  }

  /**
   * A session's manifest ({@code orca sessions show}).
   *
   * @param name the session's name
   * @return the manifest, or empty when there is no such session
   */
  public synchronized Optional<SessionManifest> manifest(String name) {
    SessionName.check(name);
    recover(name);
    try {
      return Optional.ofNullable(readManifestOrNull(root.resolve(name)));
    } catch (IOException e) {
      throw new OrcaException(
          "The manifest of session '" + name + "' cannot be read: " + e.getMessage(), false, e);
    }
  }

  private static SessionManifest readManifestOrNull(Path dir) throws IOException {
    Path file = dir.resolve(SessionFiles.MANIFEST);
    if (!Files.exists(file)) {
      return null;
    }
    return MAPPER.readValue(file.toFile(), SessionManifest.class);
  }

  /** Every saved session, most recently updated first. */
  public synchronized List<SessionSummary> list() {
    List<SessionSummary> out = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root)) {
      List<String> names = new ArrayList<>();
      for (Path p : ds) {
        String n = p.getFileName().toString();
        if (n.startsWith(SessionFiles.TMP) || n.startsWith(SessionFiles.OLD)) {
          int end = n.lastIndexOf('~');
          if (end > 5) {
            names.add(n.substring(5, end));
          }
        } else if (!n.startsWith(".") && Files.isDirectory(p)) {
          names.add(n);
        }
      }
      for (String n : new HashSet<>(names)) {
        try {
          SessionName.check(n);
        } catch (OrcaException e) {
          continue;
        }
        recover(n);
        SessionManifest m = readManifestOrNull(root.resolve(n));
        if (m != null) {
          int lost =
              (int)
                  m.variables().stream()
                      .filter(v -> v.how() == VariableStorage.NOT_RESTORABLE)
                      .count();
          out.add(
              new SessionSummary(
                  n,
                  root.resolve(n),
                  m.updated(),
                  m.variables().size(),
                  lost,
                  m.valueBytes(),
                  Files.exists(root.resolve(n).resolve(RUNNING))));
        }
      }
    } catch (IOException e) {
      throw new OrcaException("Cannot list sessions in " + root + ": " + e.getMessage(), true, e);
    }
    out.sort(
        Comparator.comparing(SessionSummary::updated)
            .reversed()
            .thenComparing(SessionSummary::name));
    return out;
  }

  /**
   * Deletes a session.
   *
   * @param name the session's name
   * @return whether it existed
   */
  public synchronized boolean delete(String name) {
    SessionName.check(name);
    recover(name);
    Path dir = root.resolve(name);
    if (!Files.exists(dir)) {
      return false;
    }
    try {
      // Move aside first so a crash mid-delete never leaves a half session under its name.
      Path doomed = root.resolve(SessionFiles.TMP + name + "~deleting");
      Files.move(dir, doomed);
      SessionFiles.deleteRecursively(doomed);
      return true;
    } catch (IOException e) {
      throw new OrcaException(
          "Could not delete session '" + name + "': " + e.getMessage(), true, e);
    }
  }

  /**
   * Keeps only the {@code keep} most recently updated sessions (config {@code [sessions] keep}).
   *
   * @param keep how many sessions to keep, at least 1
   * @param protect names never deleted (e.g. the session in use)
   * @return the names deleted
   */
  public synchronized List<String> applyRetention(int keep, Set<String> protect) {
    return applyRetention(keep, protect, name -> true);
  }

  /**
   * Keeps only the {@code keep} most recently updated of the sessions retention applies to (e.g.
   * the automatically named ones: a session a person named is kept until deleted).
   *
   * @param keep how many of those sessions to keep, at least 1 (protected ones among them count)
   * @param protect names never deleted (e.g. the session in use)
   * @param eligible which sessions retention applies to; the others are neither counted nor deleted
   * @return the names deleted
   */
  public synchronized List<String> applyRetention(
      int keep, Set<String> protect, Predicate<String> eligible) {
    if (keep < 1) {
      throw OrcaException.invalid("[sessions] keep must be at least 1, was " + keep + ".");
    }
    Objects.requireNonNull(eligible, "eligible");
    List<SessionSummary> all = list().stream().filter(s -> eligible.test(s.name())).toList();
    int slots = keep - (int) all.stream().filter(s -> protect.contains(s.name())).count();
    List<String> deleted = new ArrayList<>();
    for (SessionSummary s : all) {
      if (protect.contains(s.name())) {
        continue;
      }
      if (slots > 0) {
        slots--;
      } else if (delete(s.name())) {
        deleted.add(s.name());
      }
    }
    return deleted;
  }

  // ---------------------------------------------------------------- running marker

  /**
   * Records that a cell starts in this session ({@code running.json}); creates an empty session
   * when there is none yet.
   *
   * @param name the session's name
   * @param code the cell's source
   */
  public synchronized void markRunning(String name, String code) {
    SessionName.check(name);
    Objects.requireNonNull(code, "code");
    try {
      if (!exists(name)) {
        write(name, new KernelSnapshot(List.of(), List.of(), Instant.now()), List.of(), false);
      }
      RunningCell cell = new RunningCell(code, Instant.now(), ProcessHandle.current().pid());
      SessionFiles.writeAtomically(
          root.resolve(name).resolve(RUNNING), MAPPER.writeValueAsBytes(cell));
    } catch (IOException e) {
      throw new OrcaException(
          "Could not mark a running cell in session '" + name + "': " + e.getMessage(), true, e);
    }
  }

  /** Removes the running-cell marker: the cell ended (or its interruption was reported). */
  public synchronized void clearRunning(String name) {
    try {
      Files.deleteIfExists(directory(name).resolve(RUNNING));
    } catch (IOException e) {
      throw new OrcaException(
          "Could not clear the running marker of session '" + name + "': " + e.getMessage(),
          true,
          e);
    }
  }

  /** The cell that was running when the session stopped, if one was. */
  public synchronized Optional<RunningCell> running(String name) {
    Path file = directory(name).resolve(RUNNING);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(MAPPER.readValue(file.toFile(), RunningCell.class));
    } catch (IOException e) {
      return Optional.of(
          new RunningCell("<unreadable running.json: " + e.getMessage() + ">", Instant.EPOCH, 0));
    }
  }

  // ---------------------------------------------------------------- helpers

  private void recover(String name) {
    try {
      SessionFiles.recover(root, name);
    } catch (IOException e) {
      throw new OrcaException(
          "Could not repair session '" + name + "' after a crash: " + e.getMessage(), true, e);
    }
  }

  private OrcaException noSuchSession(String name) {
    List<String> names = list().stream().map(SessionSummary::name).toList();
    return OrcaException.invalid(
        "No session named '"
            + name
            + "' in "
            + root
            + (names.isEmpty()
                ? ". There are no saved sessions yet: save one with saveSessionState(name)."
                : ". Saved sessions: " + String.join(", ", names) + "."));
  }

  /**
   * The value's hash; a checkpoint hands over the same string instance for a value that did not
   * change, which is recognized without hashing megabytes again.
   */
  private String hashOf(String variable, String json) {
    Object[] cached = hashCache.get(variable);
    if (cached != null && cached[0] == json) {
      return (String) cached[1];
    }
    String hash = sha256(json);
    hashCache.put(variable, new Object[] {json, hash});
    return hash;
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
