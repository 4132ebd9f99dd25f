package dev.orca.kernelagent.policy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Type;

/**
 * The sandbox's bytecode layer: an allowlist of what kernel code may reference, checked on every
 * snippet class before it is loaded, plus rewriting of the call sites that need a runtime check
 * (paths, threads, writes, system properties, reflection). See SECURITY.md for the policy.
 *
 * <p>Use one instance per kernel JVM: it remembers the snippet classes it has seen, so that rules
 * follow members into snippet subclasses. Thread-safe.
 */
public final class PolicyClassGuard implements ClassGuard {

  private static final PolicyClassGuard SHARED = new PolicyClassGuard();

  private final KernelPolicy policy;

  /** A guard that resolves library supertypes through this class's own class loader. */
  public PolicyClassGuard() {
    this(PolicyClassGuard.class.getClassLoader());
  }

  /**
   * A guard that resolves library supertypes through a given class loader.
   *
   * @param loader the loader that sees the kernel's classpath (JDK, Tablesaw, Jackson)
   */
  public PolicyClassGuard(ClassLoader loader) {
    this.policy = new KernelPolicy(new Hierarchy(loader));
  }

  /** The guard the kernel JVM shares (also used by the reflection guard). */
  public static PolicyClassGuard shared() {
    return SHARED;
  }

  @Override
  public byte[] apply(String className, byte[] bytecode) throws PolicyViolation {
    ClassReader reader;
    try {
      reader = new ClassReader(bytecode);
    } catch (RuntimeException e) {
      throw new PolicyViolation("not a readable class file: " + className);
    }
    PolicyChecker checker = new PolicyChecker(policy);
    reader.accept(checker, ClassReader.SKIP_FRAMES);
    if (checker.violation() != null) {
      throw new PolicyViolation(checker.violation());
    }
    ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    reader.accept(new CallSiteRewriter(writer, policy), ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /**
   * Refuses a reflective use of a member unless the same direct reference would pass the policy
   * without any rewriting.
   *
   * @param member the method, constructor or field about to be used reflectively
   * @throws SecurityException with a message kernel code can act on
   */
  public static void checkReflective(Member member) {
    String owner = Type.getInternalName(member.getDeclaringClass());
    String name;
    String desc;
    boolean field = false;
    if (member instanceof Method m) {
      name = m.getName();
      desc = Type.getMethodDescriptor(m);
    } else if (member instanceof Constructor<?> c) {
      name = "<init>";
      desc = Type.getConstructorDescriptor(c);
    } else if (member instanceof Field f) {
      name = f.getName();
      desc = Type.getDescriptor(f.getType());
      field = true;
    } else {
      throw new SecurityException("reflective access refused: " + member);
    }
    Action a = SHARED.policy.member(owner, name, desc, field);
    if (a.kind() == Action.Kind.DENY) {
      throw new SecurityException(a.message());
    }
    if (!a.allowed()) {
      throw new SecurityException(
          Messages.refused(
              "this API is guarded in the kernel and cannot be used reflectively: call it directly",
              KernelPolicy.javaName(owner) + "." + name));
    }
  }
}
