package dltheory.kernel.magic;

import dltheory.kernel.eval.CellError;
import dltheory.kernel.maven.MavenResolver;
import dltheory.kernel.maven.MavenSetup;
import dltheory.kernel.maven.PomFragment;
import dltheory.kernel.maven.ResolutionException;
import dltheory.kernel.runtime.MagicException;
import org.dflib.jjava.jupyter.kernel.magic.MagicArgsParseException;
import org.dflib.jjava.jupyter.kernel.magic.MagicsArgs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * IJava's Maven magics, resolved with Maven Resolver ({@link MavenResolver}):
 * <ul>
 *   <li>{@code %maven G:A[:ext[:classifier]]:V ... [--from=URL] [-v]}: the artifacts and their runtime
 *       dependencies are added to the class path; the value is the list of added files;</li>
 *   <li>{@code %mavenRepo <id> <url>}: one more repository for {@code %maven};</li>
 *   <li>{@code %loadFromPOM <pom file> [scopes...]} and {@code %%loadFromPOM [scopes...]} with a POM or
 *       POM fragments in the cell: the POM's dependencies.</li>
 * </ul>
 * The resolver is created on the first use, so a session without these magics never loads it.
 */
final class MavenMagics {
    private static final MagicsArgs MAVEN_ARGS = MagicsArgs.builder()
            .varargs("coordinates").keyword("from").flag("verbose", 'v')
            .onlyKnownKeywords().onlyKnownFlags().build();
    private static final MagicsArgs REPO_ARGS = MagicsArgs.builder()
            .required("id").required("url").onlyKnownKeywords().onlyKnownFlags().build();
    private static final MagicsArgs POM_FILE_ARGS = MagicsArgs.builder()
            .required("pom").varargs("scopes").flag("verbose", 'v').onlyKnownKeywords().onlyKnownFlags().build();
    private static final MagicsArgs POM_CELL_ARGS = MagicsArgs.builder()
            .varargs("scopes").flag("verbose", 'v').onlyKnownKeywords().onlyKnownFlags().build();

    /** How often a resolution in progress checks for an interrupt of the cell. */
    private static final long POLL_MILLIS = 50;

    private final MagicHost host;
    private final Supplier<MavenSetup> setup;
    private MavenResolver resolver;

    MavenMagics(MagicHost host) {
        this(host, MavenSetup::standard);
    }

    /** @param setup where the Maven settings are (read once, on the first use) */
    MavenMagics(MagicHost host, Supplier<MavenSetup> setup) {
        this.host = host;
        this.setup = setup;
    }

    private MavenResolver resolver(String magic) {
        if (resolver == null) {
            try {
                resolver = new MavenResolver(setup.get());
            } catch (ResolutionException e) {
                throw new MagicException(magic + ": " + e.getMessage(), e);
            }
        }
        return resolver;
    }

    /** {@code %maven}, {@code %addMavenDependency}, {@code %addMavenDependencies}. */
    List<String> addDependencies(List<String> args) throws CellError {
        Map<String, List<String>> a = parse("%maven", MAVEN_ARGS, args);
        if (a.get("coordinates").isEmpty()) {
            throw new MagicException("%maven groupId:artifactId[:extension[:classifier]]:version ...: no coordinate given");
        }
        MavenResolver r = resolver("%maven");
        r.log(a.get("verbose").isEmpty() ? null : System.out);
        List<Path> files = interruptible("%maven", () -> r.resolve(a.get("coordinates"), a.get("from")));
        return add(files, !a.get("verbose").isEmpty());
    }

    /** {@code %mavenRepo id url}, {@code %addMavenRepo id url}. */
    Object addRepository(List<String> args) {
        Map<String, List<String>> a = parse("%mavenRepo", REPO_ARGS, args);
        try {
            resolver("%mavenRepo").addRepository(a.get("id").get(0), a.get("url").get(0));
        } catch (ResolutionException e) {
            throw new MagicException("%mavenRepo: " + e.getMessage(), e);
        }
        return null;
    }

    /** {@code %loadFromPOM <pom file> [scopes...]}. */
    List<String> loadFromPomFile(List<String> args) throws CellError {
        Map<String, List<String>> a = parse("%loadFromPOM", POM_FILE_ARGS, args);
        Path pom = host.workingDirectory().resolve(a.get("pom").get(0)).normalize();
        if (!Files.isRegularFile(pom)) {
            throw new MagicException("%loadFromPOM: no file " + pom);
        }
        return fromPom("%loadFromPOM", pom, a.get("scopes"), !a.get("verbose").isEmpty());
    }

    /** {@code %%loadFromPOM [scopes...]}: the cell is a POM or POM fragments. */
    List<String> loadFromPom(List<String> args, String body) throws CellError {
        Map<String, List<String>> a = parse("%%loadFromPOM", POM_CELL_ARGS, args);
        Path pom = null;
        try {
            String text = PomFragment.toPom(body);
            pom = Files.createTempFile("notebook-", ".pom.xml");
            Files.writeString(pom, text, StandardCharsets.UTF_8);
            return fromPom("%%loadFromPOM", pom, a.get("scopes"), !a.get("verbose").isEmpty());
        } catch (ResolutionException e) {
            throw new MagicException("%%loadFromPOM: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MagicException("%%loadFromPOM: cannot write a temporary POM (" + e.getMessage() + ")", e);
        } finally {
            if (pom != null) {
                try {
                    Files.deleteIfExists(pom);
                } catch (IOException e) {
                    pom.toFile().deleteOnExit();
                }
            }
        }
    }

    private List<String> fromPom(String magic, Path pom, List<String> scopes, boolean verbose) throws CellError {
        MavenResolver r = resolver(magic);
        r.log(verbose ? System.out : null);
        List<Path> files = interruptible(magic, () -> r.resolvePom(pom, scopes));
        return add(files, verbose);
    }

    /**
     * Resolves on a thread of its own, so that an interrupt of the cell stops waiting for it (a download
     * can take minutes, and the resolver's network reads ignore interrupts); the abandoned resolution
     * ends by itself.
     */
    private List<Path> interruptible(String magic, Callable<List<Path>> resolution) throws CellError {
        FutureTask<List<Path>> task = new FutureTask<>(resolution);
        Thread t = new Thread(task, "maven-resolver");
        t.setDaemon(true);
        t.start();
        while (true) {
            try {
                return task.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (host.interrupted()) {
                    task.cancel(true);
                    throw interruptedError(magic);
                }
            } catch (InterruptedException e) {
                task.cancel(true);
                Thread.currentThread().interrupt();
                throw interruptedError(magic);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof ResolutionException re) {
                    throw new MagicException(magic + ": " + re.getMessage(), re);
                }
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                throw new MagicException(magic + ": " + cause, cause);
            }
        }
    }

    private static CellError interruptedError(String magic) {
        String msg = "interrupted while " + magic + " was resolving";
        return new CellError("InterruptedException", msg, List.of("InterruptedException: " + msg));
    }

    private List<String> add(List<Path> files, boolean verbose) throws CellError {
        host.addToClasspath(files);
        List<String> out = new ArrayList<>();
        files.forEach(f -> out.add(f.toString()));
        if (verbose) {
            out.forEach(f -> System.out.println("Added " + f));
        }
        System.out.println(summary(files, resolver == null ? null : resolver.localRepository()));
        return out;
    }

    /**
     * The one line a successful resolution prints, as pip's "Successfully installed ...":
     * {@code Added to the class path: org.apache.commons:commons-math3:3.6.1} (every artifact resolved,
     * dependencies included, as {@code group:artifact:version}; a file outside the local repository by
     * its name).
     */
    static String summary(List<Path> files, Path localRepository) {
        if (files.isEmpty()) {
            return "Nothing added to the class path (no artifact to add)";
        }
        List<String> names = new ArrayList<>();
        for (Path f : files) {
            names.add(coordinate(f, localRepository));
        }
        return "Added to the class path: " + String.join(", ", names);
    }

    /** {@code group:artifact:version} of a file in the local repository's layout, or the file's name. */
    static String coordinate(Path file, Path localRepository) {
        Path abs = file.toAbsolutePath().normalize();
        Path repo = localRepository == null ? null : localRepository.toAbsolutePath().normalize();
        if (repo != null && abs.startsWith(repo) && repo.relativize(abs).getNameCount() >= 4) {
            Path rel = repo.relativize(abs);
            int n = rel.getNameCount();
            String version = rel.getName(n - 2).toString();
            String artifact = rel.getName(n - 3).toString();
            StringBuilder group = new StringBuilder();
            for (int i = 0; i < n - 3; i++) {
                group.append(i == 0 ? "" : ".").append(rel.getName(i));
            }
            String fileName = rel.getName(n - 1).toString();
            String stem = artifact + "-" + version;
            String classifier = "";
            if (fileName.startsWith(stem + "-")) {
                int dot = fileName.lastIndexOf('.');
                classifier = ":" + fileName.substring(stem.length() + 1, dot > stem.length() ? dot : fileName.length());
            }
            return group + ":" + artifact + ":" + version + classifier;
        }
        return abs.getFileName().toString();
    }

    private static Map<String, List<String>> parse(String magic, MagicsArgs schema, List<String> args) {
        try {
            return schema.parse(args);
        } catch (MagicArgsParseException e) {
            throw new MagicException(magic + ": " + e.getMessage(), e);
        }
    }
}
