package dev.orca.kernelagent.values;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.Table;

/**
 * Describes live values in bounded text, inside the kernel, so that only text crosses to the host.
 * Every answer is at most {@link #MAX_CHARS} characters (about 1K tokens) whatever the value's
 * size: collections and tables are sampled, never walked whole.
 */
public final class Inspector {
  /** Upper bound of an inspection, in characters. */
  public static final int MAX_CHARS = 3_500;

  /** Upper bound of a one-line summary, in characters. */
  public static final int SUMMARY_CHARS = 160;

  private static final int PREVIEW_ITEMS = 10;
  private static final int TYPE_SAMPLE = 100;
  private static final int ITEM_CHARS = 120;

  private Inspector() {}

  /** A one-line summary, e.g. {@code ArrayList of Integer, size 1000000: [0, 1, 2, …]}. */
  public static String summary(Object value) {
    String text;
    if (value instanceof Table) {
      Table t = (Table) value;
      text = "Table " + quoteName(t) + t.rowCount() + " rows x " + t.columnCount() + " columns";
    } else if (value instanceof Collection<?>) {
      Collection<?> c = (Collection<?>) value;
      text =
          simpleName(value)
              + elementTypes(c)
              + ", size "
              + c.size()
              + ": "
              + preview(c.iterator(), c.size(), 5);
    } else if (value instanceof Map<?, ?>) {
      Map<?, ?> m = (Map<?, ?>) value;
      text = simpleName(value) + ", size " + m.size() + ": " + previewMap(m, 3);
    } else if (value != null && value.getClass().isArray()) {
      int length = Array.getLength(value);
      text =
          value.getClass().getComponentType().getSimpleName()
              + "["
              + length
              + "]: "
              + preview(arrayIterator(value), length, 5);
    } else if (value instanceof CharSequence) {
      CharSequence s = (CharSequence) value;
      text = "String, length " + s.length() + ": " + quoted(s, 100);
    } else {
      text = render(value, SUMMARY_CHARS);
    }
    return cut(text.replace('\n', ' '), SUMMARY_CHARS);
  }

  /** A bounded multi-line description: shape, columns and head, sizes and previews, fields. */
  public static String inspect(Object value) {
    StringBuilder sb = new StringBuilder();
    if (value == null) {
      sb.append("null");
    } else if (value instanceof Table) {
      describeTable((Table) value, sb);
    } else if (value instanceof Collection<?>) {
      Collection<?> c = (Collection<?>) value;
      sb.append(value.getClass().getName()).append('\n');
      sb.append("size: ").append(c.size()).append('\n');
      sb.append("element types (sampled): ").append(typesOf(c.iterator())).append('\n');
      sb.append("first ").append(Math.min(PREVIEW_ITEMS, c.size())).append(": ");
      sb.append(preview(c.iterator(), c.size(), PREVIEW_ITEMS));
    } else if (value instanceof Map<?, ?>) {
      Map<?, ?> m = (Map<?, ?>) value;
      sb.append(value.getClass().getName()).append('\n');
      sb.append("size: ").append(m.size()).append('\n');
      sb.append("key types (sampled): ").append(typesOf(m.keySet().iterator())).append('\n');
      sb.append("value types (sampled): ").append(typesOf(m.values().iterator())).append('\n');
      sb.append("first entries: ").append(previewMap(m, PREVIEW_ITEMS));
    } else if (value.getClass().isArray()) {
      int length = Array.getLength(value);
      sb.append(value.getClass().getComponentType().getName()).append("[]\n");
      sb.append("length: ").append(length).append('\n');
      sb.append("first ").append(Math.min(PREVIEW_ITEMS, length)).append(": ");
      sb.append(preview(arrayIterator(value), length, PREVIEW_ITEMS));
    } else if (value instanceof CharSequence) {
      CharSequence s = (CharSequence) value;
      sb.append("String\nlength: ").append(s.length()).append('\n');
      sb.append("lines: ").append(countLines(s)).append('\n');
      sb.append("head: ").append(quoted(s, 1_500));
    } else if (value.getClass().isRecord()) {
      sb.append("record ").append(value.getClass().getName()).append('\n');
      for (RecordComponent component : value.getClass().getRecordComponents()) {
        sb.append("  ")
            .append(component.getName())
            .append(" (")
            .append(component.getType().getSimpleName())
            .append("): ");
        try {
          sb.append(render(component.getAccessor().invoke(value), 300));
        } catch (ReflectiveOperationException | RuntimeException e) {
          sb.append("<unreadable: ").append(e.getClass().getSimpleName()).append('>');
        }
        sb.append('\n');
      }
    } else {
      sb.append(value.getClass().getName()).append('\n');
      sb.append(render(value, 2_000));
    }
    return cut(sb.toString(), MAX_CHARS);
  }

  private static void describeTable(Table t, StringBuilder sb) {
    sb.append("Table ")
        .append(quoteName(t))
        .append(t.rowCount())
        .append(" rows x ")
        .append(t.columnCount())
        .append(" columns\n");
    sb.append("columns: ");
    int shown = Math.min(t.columnCount(), 40);
    for (int i = 0; i < shown; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(t.column(i).name()).append(" (").append(t.column(i).type().name()).append(')');
    }
    if (shown < t.columnCount()) {
      sb.append(", … ").append(t.columnCount() - shown).append(" more");
    }
    sb.append("\nhead:\n");
    Table head = t.first(5);
    if (head.columnCount() > 12) {
      head = head.selectColumns(head.columnNames().subList(0, 12).toArray(new String[0]));
    }
    sb.append(cut(head.printAll(), 1_800));
  }

  private static String quoteName(Table t) {
    String name = t.name();
    return name == null || name.isBlank() ? "" : "'" + cut(name, 60) + "': ";
  }

  private static String elementTypes(Collection<?> c) {
    String types = typesOf(c.iterator());
    return types.isEmpty() ? "" : " of " + types;
  }

  private static String typesOf(Iterator<?> it) {
    Set<String> names = new LinkedHashSet<>();
    for (int i = 0; i < TYPE_SAMPLE && it.hasNext(); i++) {
      Object o = it.next();
      names.add(o == null ? "null" : o.getClass().getSimpleName());
      if (names.size() > 4) {
        names.add("…");
        break;
      }
    }
    return String.join("|", names);
  }

  private static String preview(Iterator<?> it, int size, int items) {
    StringBuilder sb = new StringBuilder("[");
    int i = 0;
    while (it.hasNext() && i < items) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(render(it.next(), ITEM_CHARS));
      i++;
    }
    if (size > i) {
      sb.append(i > 0 ? ", " : "").append("… ").append(size - i).append(" more");
    }
    return sb.append(']').toString();
  }

  private static String previewMap(Map<?, ?> m, int items) {
    StringBuilder sb = new StringBuilder("{");
    int i = 0;
    for (Map.Entry<?, ?> e : m.entrySet()) {
      if (i == items) {
        break;
      }
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(render(e.getKey(), 60)).append('=').append(render(e.getValue(), ITEM_CHARS));
      i++;
    }
    if (m.size() > i) {
      sb.append(i > 0 ? ", " : "").append("… ").append(m.size() - i).append(" more");
    }
    return sb.append('}').toString();
  }

  private static Iterator<Object> arrayIterator(Object array) {
    int length = Array.getLength(array);
    return new Iterator<>() {
      private int index;

      @Override
      public boolean hasNext() {
        return index < length;
      }

      @Override
      public Object next() {
        return Array.get(array, index++);
      }
    };
  }

  /** Renders any value in at most {@code max} characters, never walking big containers whole. */
  public static String render(Object value, int max) {
    if (value == null) {
      return "null";
    }
    if (value instanceof CharSequence) {
      return quoted((CharSequence) value, max);
    }
    if (value instanceof Collection<?>) {
      Collection<?> c = (Collection<?>) value;
      return cut(preview(c.iterator(), c.size(), 5), max);
    }
    if (value instanceof Map<?, ?>) {
      return cut(previewMap((Map<?, ?>) value, 5), max);
    }
    if (value.getClass().isArray()) {
      return cut(preview(arrayIterator(value), Array.getLength(value), 5), max);
    }
    if (value instanceof Table) {
      return summary(value);
    }
    try {
      return cut(String.valueOf(value), max);
    } catch (RuntimeException | StackOverflowError e) {
      return "<toString failed: " + e.getClass().getSimpleName() + ">";
    }
  }

  private static String quoted(CharSequence s, int max) {
    int take = Math.min(s.length(), Math.max(0, max - 2));
    String head = s.subSequence(0, take).toString();
    return '"' + head + (take < s.length() ? "…\" (" + (s.length() - take) + " more chars)" : "\"");
  }

  private static long countLines(CharSequence s) {
    long lines = s.length() == 0 ? 0 : 1;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static String simpleName(Object value) {
    String name = value.getClass().getSimpleName();
    return name.isEmpty() ? value.getClass().getName() : name;
  }

  /** Cuts text to {@code max} characters, marking the cut. */
  public static String cut(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    return text.substring(0, Math.max(0, max - 1)) + "…";
  }
}
