package dev.orca.kernelagent.values;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tech.tablesaw.api.Table;

/**
 * Decides whether a value is plain data that can be saved as JSON and restored faithfully: strings,
 * numbers, booleans, characters, dates and times, enums, records of plain data, collections, maps,
 * arrays and Optionals of plain data, and Tablesaw tables. Threads, streams, lambdas, open files
 * and the like are not.
 */
public final class PlainData {
  private static final int MAX_DEPTH = 32;
  private static final int SAMPLE = 1_000;

  private PlainData() {}

  /**
   * Checks a value.
   *
   * @param value the value
   * @return {@code null} when it is plain data, else why not (for a person or a model)
   */
  public static String whyNot(Object value) {
    return check(value, 0, new IdentityHashMap<>());
  }

  private static String check(Object value, int depth, IdentityHashMap<Object, Boolean> seen) {
    if (value == null || isScalar(value)) {
      return null;
    }
    if (depth > MAX_DEPTH) {
      return "nested deeper than " + MAX_DEPTH + " levels";
    }
    if (seen.put(value, Boolean.TRUE) != null) {
      return "it contains a cycle (" + value.getClass().getName() + ")";
    }
    try {
      if (value instanceof Table) {
        return null;
      }
      if (value instanceof Optional<?>) {
        return check(((Optional<?>) value).orElse(null), depth + 1, seen);
      }
      if (value instanceof Collection<?>) {
        int i = 0;
        for (Object element : (Collection<?>) value) {
          if (i++ == SAMPLE) {
            break;
          }
          String why = check(element, depth + 1, seen);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      if (value instanceof Map<?, ?>) {
        int i = 0;
        for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
          if (i++ == SAMPLE) {
            break;
          }
          if (!(e.getKey() == null || isScalar(e.getKey()))) {
            return "a map key is not a string, number, enum or date ("
                + e.getKey().getClass().getName()
                + ")";
          }
          String why = check(e.getValue(), depth + 1, seen);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      if (value.getClass().isArray()) {
        Class<?> component = value.getClass().getComponentType();
        if (component.isPrimitive()) {
          return null;
        }
        if (!isPlainType(component)) {
          return "its elements' type is not plain data (" + component.getName() + ")";
        }
        int length = Math.min(Array.getLength(value), SAMPLE);
        for (int i = 0; i < length; i++) {
          String why = check(Array.get(value, i), depth + 1, seen);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      if (value.getClass().isRecord()) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
          Object component;
          try {
            component = c.getAccessor().invoke(value);
          } catch (ReflectiveOperationException e) {
            return "record component " + c.getName() + " cannot be read";
          }
          String why = check(component, depth + 1, seen);
          if (why != null) {
            return why;
          }
        }
        return null;
      }
      return "its value is not plain data (" + value.getClass().getName() + ")";
    } finally {
      seen.remove(value);
    }
  }

  /** Whether values declared with this type can be restored from JSON (Object: by content). */
  private static boolean isPlainType(Class<?> type) {
    if (type == Object.class || type.isPrimitive() || type.isEnum() || type.isRecord()) {
      return true;
    }
    if (type.isArray()) {
      return isPlainType(type.getComponentType());
    }
    return type == String.class
        || type == Boolean.class
        || type == Character.class
        || Number.class.isAssignableFrom(type)
            && (type.getName().startsWith("java.lang.") || type.getName().startsWith("java.math."))
        || type == UUID.class
        || type.getName().startsWith("java.time.")
        || Collection.class.isAssignableFrom(type)
        || Map.class.isAssignableFrom(type)
        || type == Optional.class
        || type == Table.class;
  }

  private static boolean isScalar(Object value) {
    return value instanceof String
        || value instanceof Boolean
        || value instanceof Character
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Double
        || value instanceof Float
        || value instanceof Short
        || value instanceof Byte
        || value instanceof BigDecimal
        || value instanceof BigInteger
        || value instanceof Enum<?>
        || value instanceof UUID
        || (value instanceof TemporalAccessor
            && value.getClass().getName().startsWith("java.time"));
  }
}
