package dltheory.kernel.eval;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.HashSet;
import java.util.Set;

/**
 * Rewrites the bytecode of compiled cell snippets before they are loaded:
 * <ul>
 *   <li>calls to {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt} are redirected to
 *       {@code dltheory.kernel.runtime.Guards}, which throws instead of stopping the kernel;</li>
 *   <li>a call to {@code Guards.checkpoint()} is inserted at every method entry and before every
 *       backward jump, so an interrupted cell stops even inside a CPU-bound loop.</li>
 * </ul>
 * The inserted call takes and returns nothing, so stack sizes and stack-map frames stay valid.
 */
public final class SnippetRewriter {
    private static final String GUARDS = "dltheory/kernel/runtime/Guards";

    /** Reflective look-ups that can reach {@code exit} or {@code halt}, checked by Guards' methods of the same name. */
    private static final java.util.Map<String, String> REFLECTION = java.util.Map.of(
            "java/lang/Class.getMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", "",
            "java/lang/Class.getDeclaredMethod(Ljava/lang/String;[Ljava/lang/Class;)Ljava/lang/reflect/Method;", "",
            "java/lang/Class.getMethods()[Ljava/lang/reflect/Method;", "",
            "java/lang/Class.getDeclaredMethods()[Ljava/lang/reflect/Method;", "",
            "java/lang/invoke/MethodHandles$Lookup.findStatic(Ljava/lang/Class;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;", "",
            "java/lang/invoke/MethodHandles$Lookup.findVirtual(Ljava/lang/Class;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;", "",
            "java/lang/invoke/MethodHandles$Lookup.bind(Ljava/lang/Object;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;)Ljava/lang/invoke/MethodHandle;", "",
            "java/lang/invoke/MethodHandles$Lookup.findSpecial(Ljava/lang/Class;Ljava/lang/String;"
                    + "Ljava/lang/invoke/MethodType;Ljava/lang/Class;)Ljava/lang/invoke/MethodHandle;", "",
            "java/lang/invoke/MethodHandles$Lookup.unreflect(Ljava/lang/reflect/Method;)"
                    + "Ljava/lang/invoke/MethodHandle;", "",
            "java/lang/invoke/MethodHandles$Lookup.unreflectSpecial(Ljava/lang/reflect/Method;Ljava/lang/Class;)"
                    + "Ljava/lang/invoke/MethodHandle;", "");

    /** {@code Method.invoke}: checked by {@code Guards.checkInvoke} in place, then called as written. */
    private static final String METHOD_INVOKE =
            "java/lang/reflect/Method.invoke(Ljava/lang/Object;[Ljava/lang/Object;)Ljava/lang/Object;";

    private SnippetRewriter() {
    }

    /**
     * A method reference to {@code System::exit}, {@code Runtime::exit} or {@code Runtime::halt} (a
     * constant handle, in a lambda's bootstrap arguments or loaded by {@code ldc}) made to point at Guards.
     */
    static Object guarded(Object value) {
        if (value instanceof Handle h) {
            boolean systemExit = h.getTag() == Opcodes.H_INVOKESTATIC && h.getOwner().equals("java/lang/System")
                    && h.getName().equals("exit") && h.getDesc().equals("(I)V");
            boolean runtimeStop = h.getTag() == Opcodes.H_INVOKEVIRTUAL && h.getOwner().equals("java/lang/Runtime")
                    && (h.getName().equals("exit") || h.getName().equals("halt")) && h.getDesc().equals("(I)V");
            if (systemExit) {
                return new Handle(Opcodes.H_INVOKESTATIC, GUARDS, "exit", "(I)V", false);
            }
            String key = h.getOwner() + "." + h.getName() + h.getDesc();
            if (h.getTag() == Opcodes.H_INVOKEVIRTUAL && (REFLECTION.containsKey(key) || key.equals(METHOD_INVOKE))) {
                // Class::getMethods, Method::invoke, ...: Guards' method of the same name, receiver first
                return new Handle(Opcodes.H_INVOKESTATIC, GUARDS, h.getName(),
                        "(L" + h.getOwner() + ";" + h.getDesc().substring(1), false);
            }
            if (runtimeStop) {
                return new Handle(Opcodes.H_INVOKESTATIC, GUARDS, h.getName().equals("exit") ? "runtimeExit" : "runtimeHalt",
                        "(Ljava/lang/Runtime;I)V", false);
            }
        }
        return value;
    }

    /** Returns the rewritten class file. */
    public static byte[] rewrite(byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, 0);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return (access & Opcodes.ACC_ABSTRACT) != 0 ? mv : new GuardingMethodVisitor(mv);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static final class GuardingMethodVisitor extends MethodVisitor {
        private final Set<Label> seen = new HashSet<>();
        /** Stack slots the rewritten code needs beyond the original's (the ClassWriter does not compute them). */
        private int extraStack;

        GuardingMethodVisitor(MethodVisitor next) {
            super(Opcodes.ASM9, next);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + extraStack, maxLocals);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            checkpoint();
        }

        @Override
        public void visitLabel(Label label) {
            seen.add(label);
            super.visitLabel(label);
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            if (seen.contains(label)) {
                checkpoint();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... args) {
            Object[] guarded = args.clone();
            for (int i = 0; i < guarded.length; i++) {
                guarded[i] = guarded(guarded[i]);
            }
            super.visitInvokeDynamicInsn(name, descriptor, bootstrap, guarded);
        }

        @Override
        public void visitLdcInsn(Object value) {
            super.visitLdcInsn(guarded(value));
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            String lookup = REFLECTION.get(owner + "." + name + descriptor);
            if (opcode == Opcodes.INVOKEVIRTUAL && METHOD_INVOKE.equals(owner + "." + name + descriptor)) {
                // stack: method, receiver, args -> Guards.checkInvoke -> {method, receiver, args}, unpacked
                // onto the stack again, and the call runs here as written (Method.invoke is caller-sensitive)
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "checkInvoke",
                        "(Ljava/lang/reflect/Method;Ljava/lang/Object;[Ljava/lang/Object;)[Ljava/lang/Object;", false);
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.ICONST_0);
                super.visitInsn(Opcodes.AALOAD);
                super.visitTypeInsn(Opcodes.CHECKCAST, "java/lang/reflect/Method");
                super.visitInsn(Opcodes.SWAP);
                super.visitInsn(Opcodes.DUP);
                super.visitInsn(Opcodes.ICONST_1);
                super.visitInsn(Opcodes.AALOAD);
                super.visitInsn(Opcodes.SWAP);
                super.visitInsn(Opcodes.ICONST_2);
                super.visitInsn(Opcodes.AALOAD);
                super.visitTypeInsn(Opcodes.CHECKCAST, "[Ljava/lang/Object;");
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
                extraStack = 1;
            } else if (lookup != null && opcode == Opcodes.INVOKEVIRTUAL) {
                // Class.getMethod(...), MethodHandles.Lookup.findStatic(...), ...: the receiver becomes the
                // first argument of Guards' method of the same name, which refuses exit and halt
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, name, "(L" + owner + ";" + descriptor.substring(1), false);
            } else if (opcode == Opcodes.INVOKESTATIC && owner.equals("java/lang/System")
                    && name.equals("exit") && descriptor.equals("(I)V")) {
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "exit", "(I)V", false);
            } else if (opcode == Opcodes.INVOKEVIRTUAL && owner.equals("java/lang/Runtime")
                    && (name.equals("exit") || name.equals("halt")) && descriptor.equals("(I)V")) {
                String replacement = name.equals("exit") ? "runtimeExit" : "runtimeHalt";
                super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, replacement, "(Ljava/lang/Runtime;I)V", false);
            } else {
                super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
            }
        }

        private void checkpoint() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, GUARDS, "checkpoint", "()V", false);
        }
    }
}
