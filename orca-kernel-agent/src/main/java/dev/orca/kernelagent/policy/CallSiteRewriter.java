package dev.orca.kernelagent.policy;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.LocalVariablesSorter;

/**
 * Rewrites the call sites the policy guards: path arguments pass through {@code WorkspaceGuard},
 * guarded APIs are redirected to their guard ({@code GuardedFiles}, {@code ThreadGuard}, {@code
 * SystemGuard}, {@code ReflectionGuard}), and file streams are constructed as their capped
 * subclasses. Runs after {@link PolicyChecker} found nothing to refuse.
 */
final class CallSiteRewriter extends ClassVisitor {

  private static final String WORKSPACE_GUARD = "dev/orca/kernelagent/guard/WorkspaceGuard";
  private static final String STRING = "java/lang/String";

  private final KernelPolicy policy;

  CallSiteRewriter(ClassVisitor next, KernelPolicy policy) {
    super(Opcodes.ASM9, next);
    this.policy = policy;
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    if (mv == null || (access & Opcodes.ACC_ABSTRACT) != 0) {
      return mv;
    }
    return new Sites(access, descriptor, mv);
  }

  /** One method's call sites. */
  private final class Sites extends LocalVariablesSorter {

    Sites(int access, String descriptor, MethodVisitor mv) {
      super(Opcodes.ASM9, access, descriptor, mv);
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
      if (opcode == Opcodes.NEW) {
        Action a = MemberRules.lookup(type, "<init>", "()V", true);
        if (a != null && a.kind() == Action.Kind.REDIRECT_NEW) {
          super.visitTypeInsn(opcode, a.target());
          return;
        }
      }
      super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(
        int opcode, String owner, String name, String descriptor, boolean isInterface) {
      Action a = policy.member(owner, name, descriptor, false);
      switch (a.kind()) {
        case REDIRECT_NEW -> {
          if (opcode == Opcodes.INVOKESPECIAL && name.equals("<init>")) {
            super.visitMethodInsn(opcode, a.target(), name, descriptor, false);
          } else {
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
          }
        }
        case REDIRECT -> {
          String desc =
              opcode == Opcodes.INVOKESTATIC
                  ? descriptor
                  : "(L" + owner + ";" + descriptor.substring(1);
          super.visitMethodInsn(Opcodes.INVOKESTATIC, a.target(), name, desc, false);
        }
        case CHECK -> {
          checkArguments(opcode, owner, name, descriptor, a);
          super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }
        default -> super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
      }
    }

    /** Emits the guard calls for the arguments (and receiver) on the operand stack. */
    private void checkArguments(int opcode, String owner, String name, String desc, Action a) {
      Type[] args = Type.getArgumentTypes(desc);
      List<String> guards = new ArrayList<>();
      for (int i = 0; i < args.length; i++) {
        guards.add(guardFor(args[i], (a.nameArgs() & (1 << i)) != 0, a.level()));
      }
      boolean receiver = a.receiver() && opcode != Opcodes.INVOKESTATIC && !name.equals("<init>");
      String receiverGuard =
          receiver ? guardFor(Type.getObjectType(owner), false, a.level()) : null;
      int last = args.length - 1;
      long checked = guards.stream().filter(g -> g != null).count();
      if (checked == 0 && receiverGuard == null) {
        return;
      }
      if (receiverGuard != null && args.length == 0) {
        emit(receiverGuard);
        return;
      }
      if (receiverGuard == null && checked == 1 && guards.get(last) != null) {
        emit(guards.get(last));
        return;
      }
      int[] locals = new int[args.length];
      for (int i = last; i >= 0; i--) {
        locals[i] = newLocal(args[i]);
        mv.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), locals[i]);
      }
      if (receiverGuard != null) {
        emit(receiverGuard);
      }
      for (int i = 0; i <= last; i++) {
        mv.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), locals[i]);
        if (guards.get(i) != null) {
          emit(guards.get(i));
        }
      }
    }

    private String guardFor(Type t, boolean fileName, Action.Level level) {
      if (t.getSort() != Type.OBJECT) {
        return null;
      }
      String n = t.getInternalName();
      if (n.equals(KernelPolicy.PATH) || n.equals(KernelPolicy.FILE)) {
        return level.pathMethod + "(L" + n + ";)L" + n + ";";
      }
      if (fileName && n.equals(STRING)) {
        return level.nameMethod + "(Ljava/lang/String;)Ljava/lang/String;";
      }
      return null;
    }

    private void emit(String nameAndDesc) {
      int paren = nameAndDesc.indexOf('(');
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          WORKSPACE_GUARD,
          nameAndDesc.substring(0, paren),
          nameAndDesc.substring(paren),
          false);
    }
  }
}
