package dev.orca.tools.search.internal;

import dev.orca.tools.ToolSpec;
import dev.orca.tools.internal.StubNames;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tools by normalized name: lower case, letters and digits only, so {@code create_pull_request},
 * {@code createPullRequest}, {@code create-pull-request} and {@code "create pull request"} are the
 * same key. Each tool is filed under its name, its id and its stub method name.
 */
public final class NameIndex {

  private final Map<String, Set<String>> idsByKey = new ConcurrentHashMap<>();
  private final Map<String, List<String>> keysById = new ConcurrentHashMap<>();

  /**
   * The normalized form of a name or query.
   *
   * @param text the text
   * @return lower-case letters and digits only
   */
  public static String normalize(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * Adds or replaces tools.
   *
   * @param specs the tools
   */
  public void addAll(Collection<ToolSpec> specs) {
    for (ToolSpec spec : specs) {
      remove(spec.id());
      List<String> keys =
          List.of(
                  normalize(spec.name()),
                  normalize(spec.id()),
                  normalize(spec.shortName()),
                  normalize(StubNames.methodName(spec)))
              .stream()
              .filter(k -> !k.isEmpty())
              .distinct()
              .toList();
      keysById.put(spec.id(), keys);
      for (String key : keys) {
        idsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(spec.id());
      }
    }
  }

  /**
   * Removes a tool.
   *
   * @param id its id
   */
  public void remove(String id) {
    List<String> keys = keysById.remove(id);
    if (keys != null) {
      for (String key : keys) {
        Set<String> ids = idsByKey.get(key);
        if (ids != null) {
          ids.remove(id);
        }
      }
    }
  }

  /**
   * The ids of tools whose name, id or stub name normalizes to the same key as {@code text}.
   *
   * @param text a query or name
   * @return matching ids, possibly empty
   */
  public Set<String> lookup(String text) {
    String key = normalize(text);
    if (key.isEmpty()) {
      return Set.of();
    }
    Set<String> ids = idsByKey.get(key);
    return ids == null ? Set.of() : Set.copyOf(ids);
  }
}
