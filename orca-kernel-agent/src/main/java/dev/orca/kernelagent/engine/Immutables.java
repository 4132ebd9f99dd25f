package dev.orca.kernelagent.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Values known to be immutable: using them in a later cell cannot change them. Strings, boxes, big
 * numbers, enums, {@code java.time} values, {@link java.util.regex.Pattern}, lambdas and method
 * references, {@link Optional}s, records and {@code List.of}-style collections of such values.
 * Anything else is taken as possibly changed by any later use.
 */
final class Immutables {
  private static final Set<Class<?>> KNOWN =
      Set.of(
          String.class,
          Integer.class,
          Long.class,
          Short.class,
          Byte.class,
          Double.class,
          Float.class,
          Character.class,
          Boolean.class,
          BigDecimal.class,
          BigInteger.class,
          java.util.regex.Pattern.class,
          java.util.Locale.class,
          java.util.UUID.class,
          java.net.URI.class,
          java.math.MathContext.class,
          java.time.format.DateTimeFormatter.class);

  private static final int MAX_DEPTH = 4;
  private static final int MAX_ELEMENTS = 1000;

  private Immutables() {}

  /** Whether the value is known to be immutable. */
  static boolean isImmutable(Object value) {
    return isImmutable(value, 0);
  }

  private static boolean isImmutable(Object value, int depth) {
    if (value == null) {
      return true;
    }
    if (depth > MAX_DEPTH) {
      return false;
    }
    Class<?> c = value.getClass();
    if (KNOWN.contains(c) || c.isEnum() || value instanceof Enum<?> || value instanceof Class<?>) {
      return true;
    }
    if (c.getName().startsWith("java.time.") && !(value instanceof java.time.Clock)) {
      return true;
    }
    if (c.isSynthetic() || c.isHidden() || c.getName().contains("$$Lambda")) {
      return true; // a lambda or method reference: kernel variables are fields, never captured
    }
    if (value instanceof Optional<?>) {
      return isImmutable(((Optional<?>) value).orElse(null), depth + 1);
    }
    if (c.getName().startsWith("java.util.ImmutableCollections$")) {
      Collection<?> items =
          value instanceof Map<?, ?> ? ((Map<?, ?>) value).entrySet() : (Collection<?>) value;
      if (items.size() > MAX_ELEMENTS) {
        return false;
      }
      for (Object item : items) {
        if (item instanceof Map.Entry<?, ?>) {
          Map.Entry<?, ?> e = (Map.Entry<?, ?>) item;
          if (!isImmutable(e.getKey(), depth + 1) || !isImmutable(e.getValue(), depth + 1)) {
            return false;
          }
        } else if (!isImmutable(item, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (c.isRecord()) {
      try {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers())) {
            f.setAccessible(true);
            if (!isImmutable(f.get(value), depth + 1)) {
              return false;
            }
          }
        }
        return true;
      } catch (ReflectiveOperationException | RuntimeException e) {
        return false;
      }
    }
    return false;
  }
}
