package dltheory.kernel.eval;

import dltheory.kernel.server.Log;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

/**
 * The snippet classes JShell keeps for its compiler, and how to forget those of finished snippets.
 *
 * <p>JShell hands javac every class it ever generated as the package {@code REPL}, and every javac task
 * (about three per snippet) enters all of them: after 8,000 cells a trivial cell took about 0.2 s instead
 * of 0.02 s. A snippet that has run and was dropped (a statement, an expression, a replaced declaration)
 * can no longer be referenced by later snippets, so its class is removed from that set. JShell offers no
 * API for this; the map is reached by reflection, which needs {@code --add-opens jdk.jshell/jdk.jshell}
 * (the kernel jar's manifest declares it). Without it nothing is forgotten and the kernel works as before,
 * only slower in very long sessions.
 *
 * <p>javac's symbol table, which JShell reuses from one task to the next, also keeps an (empty) entry
 * for every snippet class name it has seen, and walks all of them after every task; so every
 * {@value #RENEW_EVERY} forgotten snippets the pool of javac contexts is renewed, as JShell itself
 * does when the class path changes (the next compilation then pays for a fresh context once).
 */
final class GeneratedClasses {
    /** Forgotten snippets between two renewals of javac's contexts. */
    static final int RENEW_EVERY = 1000;

    private final Map<String, ?> classes;
    private final Method classFullName;
    private final Object taskFactory;
    private final Method initTaskPool;
    private int renewEvery = RENEW_EVERY;
    private int forgotten;
    private int renewals;

    private GeneratedClasses(Map<String, ?> classes, Method classFullName, Object taskFactory, Method initTaskPool) {
        this.classes = classes;
        this.classFullName = classFullName;
        this.taskFactory = taskFactory;
        this.initTaskPool = initTaskPool;
    }

    /** Finds the class map of {@code shell}'s file manager (JDK 17 to 25), or a no-op if it is not reachable. */
    static GeneratedClasses of(JShell shell) {
        try {
            Field taskFactory = JShell.class.getDeclaredField("taskFactory");
            taskFactory.setAccessible(true);
            Object factory = taskFactory.get(shell);
            Method fileManager = factory.getClass().getDeclaredMethod("fileManager");
            fileManager.setAccessible(true);
            Object manager = fileManager.invoke(factory);
            Field classObjects = manager.getClass().getDeclaredField("classObjects");
            classObjects.setAccessible(true);
            Method name = Snippet.class.getDeclaredMethod("classFullName");
            name.setAccessible(true);
            Method renew = factory.getClass().getDeclaredMethod("initTaskPool");
            renew.setAccessible(true);
            return new GeneratedClasses((Map<String, ?>) classObjects.get(manager), name, factory, renew);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.debug("snippet classes will not be forgotten: " + e);
            return new GeneratedClasses(null, null, null, null);
        }
    }

    /** True if classes of dropped snippets are actually removed. */
    boolean active() {
        return classes != null;
    }

    /** Number of snippet classes javac currently sees (0 if not reachable). */
    int size() {
        return classes == null ? 0 : classes.size();
    }

    /**
     * Removes the class of a dropped or replaced snippet and its nested classes, unless one of the
     * {@code live} snippets has the same class name (JShell reuses it for a redeclaration with the same
     * signature). A class shared by several snippets (JShell names it {@code $JShell$12_13}) is kept.
     */
    void forget(Snippet dropped, List<Snippet> live) {
        if (classes == null) {
            return;
        }
        String name = classFullName(dropped);
        if (name == null || name.contains("_")) {
            return;
        }
        for (Snippet s : live) {
            if (s != dropped && name.equals(classFullName(s))) {
                return;
            }
        }
        classes.keySet().removeIf(c -> c.equals(name) || c.startsWith(name + "$"));
        if (++forgotten % renewEvery == 0) {
            renewCompilerContexts();
        }
    }

    /**
     * Renews javac's contexts every {@code forgottenSnippets} forgotten snippets instead of
     * {@value #RENEW_EVERY}: the tests cross several renewals in a few hundred cells.
     *
     * @throws IllegalArgumentException if {@code forgottenSnippets} &lt; 1
     */
    void renewEvery(int forgottenSnippets) {
        if (forgottenSnippets < 1) {
            throw new IllegalArgumentException("forgottenSnippets must be >= 1, got " + forgottenSnippets);
        }
        renewEvery = forgottenSnippets;
    }

    private String classFullName(Snippet s) {
        try {
            return (String) classFullName.invoke(s);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** How many times javac's contexts were renewed (for tests). */
    int renewals() {
        return renewals;
    }

    void renewCompilerContexts() {
        try {
            initTaskPool.invoke(taskFactory);
            renewals++;
        } catch (ReflectiveOperationException | RuntimeException e) {
            Log.debug("javac contexts not renewed: " + e);
        }
    }
}
