package dev.orca.kernelagent.guard;

import dev.orca.kernelagent.policy.PolicyClassGuard;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * Reflection as kernel code gets it: a reflective call, construction or field access is allowed
 * exactly when the same direct reference would pass the bytecode policy unchanged (so reflection is
 * never stronger than plain code). Java's access checks stay in force: {@code setAccessible} is
 * refused by the policy.
 */
public final class ReflectionGuard {

  private ReflectionGuard() {}

  /** See {@link Method#invoke}. */
  public static Object invoke(Method method, Object target, Object[] args)
      throws IllegalAccessException, InvocationTargetException {
    prepare(method);
    return method.invoke(target, args);
  }

  /** See {@link Constructor#newInstance}. */
  public static Object newInstance(Constructor<?> constructor, Object[] args)
      throws InstantiationException, IllegalAccessException, InvocationTargetException {
    prepare(constructor);
    return constructor.newInstance(args);
  }

  /** See {@link Field#get}. */
  public static Object get(Field field, Object target) throws IllegalAccessException {
    prepare(field);
    return field.get(target);
  }

  /** See {@link Field#set}. */
  public static void set(Field field, Object target, Object value) throws IllegalAccessException {
    prepare(field);
    field.set(target, value);
  }

  /**
   * Checks the member; for kernel code's own classes (package {@code REPL}) grants the access the
   * calling snippet itself has (non-private members), since the reflective call now comes from this
   * class.
   */
  private static <T extends AccessibleObject & Member> void prepare(T member) {
    PolicyClassGuard.checkReflective(member);
    Class<?> declaring = member.getDeclaringClass();
    if (declaring.getName().startsWith("REPL.") && !Modifier.isPrivate(member.getModifiers())) {
      member.setAccessible(true);
    }
  }
}
