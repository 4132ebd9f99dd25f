package dev.orca.kernelagent.policy;

import dev.orca.kernelagent.policy.Action.Level;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * The policy as one question: what to do with a reference from kernel code to a type or member.
 * Types must be on the {@link TypeRules allowlist}; members follow {@link MemberRules} through the
 * owner's supertypes; any other method that takes a {@code File} or {@code Path} gets its path
 * arguments checked against the workspace.
 */
final class KernelPolicy {

  static final String FILE = "java/io/File";
  static final String PATH = "java/nio/file/Path";

  private final Hierarchy hierarchy;

  KernelPolicy(Hierarchy hierarchy) {
    this.hierarchy = hierarchy;
  }

  Hierarchy hierarchy() {
    return hierarchy;
  }

  /** Why a type may not be named, or {@code null}. */
  String typeViolation(String internalName) {
    String v = TypeRules.violation(internalName);
    return v == null ? null : Messages.refused(v, javaName(internalName));
  }

  /** Why a descriptor (field or method) names a refused type, or {@code null}. */
  String descriptorViolation(String desc) {
    Type t = Type.getType(desc);
    if (t.getSort() == Type.METHOD) {
      String v = sortViolation(t.getReturnType());
      for (Type a : t.getArgumentTypes()) {
        if (v == null) {
          v = sortViolation(a);
        }
      }
      return v;
    }
    return sortViolation(t);
  }

  private String sortViolation(Type t) {
    Type e = t.getSort() == Type.ARRAY ? t.getElementType() : t;
    return e.getSort() == Type.OBJECT ? typeViolation(e.getInternalName()) : null;
  }

  /**
   * The action for a member reference.
   *
   * @param owner the owner's internal name as it appears in the class file
   * @param name the member name
   * @param desc the member descriptor
   * @param field whether it is a field
   */
  Action member(String owner, String name, String desc, boolean field) {
    String what = javaName(owner) + "." + name;
    String v = typeViolation(owner);
    if (v == null) {
      v = descriptorViolation(desc);
    }
    if (v != null) {
      return Action.deny(Messages.refused(stripRefused(v), what));
    }
    String byName = byPackageAndName(owner, name);
    if (byName != null) {
      return Action.deny(Messages.refused(byName, what));
    }
    if (owner.startsWith("tech/tablesaw/io/")
        && (name.equals("builder") || name.equals("builderFromFile"))
        && desc.startsWith("(Ljava/lang/String;)")) {
      return Action.checkName(owner.contains("Write") ? Level.WRITE : Level.OPEN, 0);
    }
    List<String> chain = hierarchy.chain(owner);
    boolean first = true;
    for (String declaring : chain) {
      Action a = MemberRules.lookup(declaring, name, desc, first);
      first = false;
      if (a != null) {
        return a.kind() == Action.Kind.DENY ? Action.deny(Messages.refused(a.message(), what)) : a;
      }
    }
    if (!field && !TypeRules.isSnippet(owner) && takesPath(desc)) {
      if (MemberRules.PURE_PATH_OWNERS.contains(owner)) {
        return Action.ALLOW;
      }
      return Action.check(writes(name) ? Level.WRITE : Level.OPEN);
    }
    return Action.ALLOW;
  }

  /** Rules on member names across a library: URLs in Tablesaw, default typing in Jackson. */
  private static String byPackageAndName(String owner, String name) {
    if (owner.startsWith("tech/tablesaw/")
        && name.toLowerCase(java.util.Locale.ROOT).contains("url")) {
      return Messages.NET;
    }
    if (owner.startsWith("com/fasterxml/jackson/")) {
      if (name.startsWith("activateDefaultTyping")
          || name.startsWith("enableDefaultTyping")
          || name.equals("setDefaultTyping")) {
        return Messages.DESERIALIZATION;
      }
      if (owner.equals("com/fasterxml/jackson/annotation/JsonTypeInfo$Id")
          && (name.equals("CLASS") || name.equals("MINIMAL_CLASS"))) {
        return Messages.DESERIALIZATION;
      }
    }
    return null;
  }

  private static boolean takesPath(String desc) {
    for (Type a : Type.getArgumentTypes(desc)) {
      if (a.getSort() == Type.OBJECT
          && (a.getInternalName().equals(FILE) || a.getInternalName().equals(PATH))) {
        return true;
      }
    }
    return false;
  }

  private static boolean writes(String name) {
    return name.startsWith("write")
        || name.startsWith("to")
        || name.startsWith("save")
        || name.startsWith("export")
        || (name.startsWith("create") && name.endsWith("Generator"));
  }

  private static String stripRefused(String message) {
    int i = message.indexOf(" [refused: ");
    return i < 0 ? message : message.substring(0, i);
  }

  static String javaName(String internalName) {
    return internalName.replace('/', '.');
  }
}
