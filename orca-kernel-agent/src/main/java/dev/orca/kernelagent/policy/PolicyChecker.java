package dev.orca.kernelagent.policy;

import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.TypePath;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;

/**
 * Walks every reference in one class file (supertypes, signatures, annotations, field and method
 * descriptors, every instruction's types and members, invokedynamic bootstraps and their arguments,
 * constant method handles and dynamic constants) and keeps the first refusal.
 */
final class PolicyChecker extends ClassVisitor {

  private static final int API = Opcodes.ASM9;
  private static final String JSON_TYPE_ID = "Lcom/fasterxml/jackson/annotation/JsonTypeInfo$Id;";

  /** The bootstrap methods javac emits for ordinary code. */
  private static final Set<String> BOOTSTRAPS =
      Set.of(
          "java/lang/invoke/LambdaMetafactory.metafactory",
          "java/lang/invoke/LambdaMetafactory.altMetafactory",
          "java/lang/invoke/StringConcatFactory.makeConcat",
          "java/lang/invoke/StringConcatFactory.makeConcatWithConstants",
          "java/lang/runtime/ObjectMethods.bootstrap",
          "java/lang/runtime/SwitchBootstraps.typeSwitch",
          "java/lang/runtime/SwitchBootstraps.enumSwitch",
          "java/lang/invoke/ConstantBootstraps.nullConstant",
          "java/lang/invoke/ConstantBootstraps.primitiveClass",
          "java/lang/invoke/ConstantBootstraps.enumConstant",
          "java/lang/invoke/ConstantBootstraps.invoke");

  private final KernelPolicy policy;
  private String violation;
  private String className = "";

  PolicyChecker(KernelPolicy policy) {
    super(API);
    this.policy = policy;
  }

  /** The first refusal found, or {@code null}. */
  String violation() {
    return violation;
  }

  private void fail(String message) {
    if (violation == null && message != null) {
      violation = message;
    }
  }

  private void type(String internalName) {
    if (internalName != null) {
      fail(policy.typeViolation(internalName));
    }
  }

  private void descriptor(String desc) {
    if (desc != null) {
      fail(policy.descriptorViolation(desc));
    }
  }

  private void signature(String signature) {
    if (signature == null) {
      return;
    }
    new SignatureReader(signature)
        .accept(
            new SignatureVisitor(API) {
              @Override
              public void visitClassType(String name) {
                type(name);
              }
            });
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    className = name;
    policy
        .hierarchy()
        .recordSnippet(name, superName, interfaces == null ? new String[0] : interfaces);
    type(superName);
    extendable(superName);
    for (String i : interfaces == null ? new String[0] : interfaces) {
      type(i);
      extendable(i);
    }
    signature(signature);
  }

  private void extendable(String superType) {
    if (superType == null || violation != null) {
      return;
    }
    for (String s : policy.hierarchy().chain(superType)) {
      if (TypeRules.NO_SUBCLASS.contains(s)) {
        fail(Messages.refused(Messages.EXTEND, KernelPolicy.javaName(s)));
        return;
      }
    }
  }

  @Override
  public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
    descriptor(descriptor);
    return new Annotations();
  }

  @Override
  public AnnotationVisitor visitTypeAnnotation(
      int typeRef, TypePath typePath, String descriptor, boolean visible) {
    descriptor(descriptor);
    return new Annotations();
  }

  @Override
  public RecordComponentVisitor visitRecordComponent(
      String name, String descriptor, String signature) {
    descriptor(descriptor);
    signature(signature);
    return new RecordComponentVisitor(API) {
      @Override
      public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
        descriptor(desc);
        return new Annotations();
      }
    };
  }

  @Override
  public FieldVisitor visitField(
      int access, String name, String descriptor, String signature, Object value) {
    descriptor(descriptor);
    signature(signature);
    return new FieldVisitor(API) {
      @Override
      public AnnotationVisitor visitAnnotation(String desc, boolean visible) {
        descriptor(desc);
        return new Annotations();
      }
    };
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    if ((access & Opcodes.ACC_NATIVE) != 0) {
      fail(Messages.refused(Messages.NATIVE, KernelPolicy.javaName(className) + "." + name));
    }
    descriptor(descriptor);
    signature(signature);
    if (exceptions != null) {
      for (String e : exceptions) {
        type(e);
      }
    }
    return new Code();
  }

  /** Checks annotation values: types, enum constants, nested annotations. */
  private final class Annotations extends AnnotationVisitor {
    Annotations() {
      super(API);
    }

    @Override
    public void visit(String name, Object value) {
      if (value instanceof Type t) {
        constantType(t);
      }
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
      descriptor(descriptor);
      if (JSON_TYPE_ID.equals(descriptor)
          && ("CLASS".equals(value) || "MINIMAL_CLASS".equals(value))) {
        fail(Messages.refused(Messages.DESERIALIZATION, "@JsonTypeInfo(use = " + value + ")"));
      }
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String descriptor) {
      descriptor(descriptor);
      return this;
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
      return this;
    }
  }

  private void constantType(Type t) {
    switch (t.getSort()) {
      case Type.METHOD -> descriptor(t.getDescriptor());
      case Type.OBJECT -> type(t.getInternalName());
      case Type.ARRAY -> descriptor(t.getDescriptor());
      default -> {}
    }
  }

  private void handle(Handle h, boolean methodReference) {
    boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
    Action a = policy.member(h.getOwner(), h.getName(), h.getDesc(), field);
    if (a.kind() == Action.Kind.DENY) {
      fail(a.message());
    } else if (!a.allowed()) {
      fail(
          Messages.refused(
              methodReference ? Messages.METHOD_REF : Messages.REFLECTION,
              KernelPolicy.javaName(h.getOwner()) + "::" + h.getName()));
    }
  }

  private void bootstrap(Handle bsm, Object[] args) {
    String key = bsm.getOwner() + "." + bsm.getName();
    if (!BOOTSTRAPS.contains(key)) {
      fail(Messages.refused(Messages.REFLECTION, "bootstrap " + KernelPolicy.javaName(key)));
      return;
    }
    for (Object arg : args) {
      constant(arg);
    }
  }

  private void constant(Object value) {
    if (value instanceof Type t) {
      constantType(t);
    } else if (value instanceof Handle h) {
      handle(h, true);
    } else if (value instanceof ConstantDynamic c) {
      descriptor(c.getDescriptor());
      Object[] args = new Object[c.getBootstrapMethodArgumentCount()];
      for (int i = 0; i < args.length; i++) {
        args[i] = c.getBootstrapMethodArgument(i);
      }
      bootstrap(c.getBootstrapMethod(), args);
    }
  }

  /** Checks one method's code. */
  private final class Code extends MethodVisitor {
    Code() {
      super(API);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
      descriptor(descriptor);
      return new Annotations();
    }

    @Override
    public AnnotationVisitor visitParameterAnnotation(
        int parameter, String descriptor, boolean visible) {
      descriptor(descriptor);
      return new Annotations();
    }

    @Override
    public AnnotationVisitor visitAnnotationDefault() {
      return new Annotations();
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      type(type);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
      descriptor(descriptor);
    }

    @Override
    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
      Action a = policy.member(owner, name, descriptor, true);
      if (a.kind() == Action.Kind.DENY) {
        fail(a.message());
      }
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      Action a = policy.member(owner, name, descriptor, false);
      if (a.kind() == Action.Kind.DENY) {
        fail(a.message());
      } else if (a.kind() == Action.Kind.REDIRECT && opcode == Opcodes.INVOKESPECIAL) {
        fail(Messages.refused(Messages.EXTEND, KernelPolicy.javaName(owner) + "." + name));
      }
    }

    @Override
    public void visitInvokeDynamicInsn(
        String name, String descriptor, Handle bsm, Object... bsmArgs) {
      descriptor(descriptor);
      bootstrap(bsm, bsmArgs);
    }

    @Override
    public void visitLdcInsn(Object value) {
      if (value instanceof Handle h) {
        handle(h, false);
      } else {
        constant(value);
      }
    }

    @Override
    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
      type(type);
    }
  }
}
