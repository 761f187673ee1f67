package dltheory.kernel.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/** A Maven repository in a folder (remote layout), reached by a {@code file://} URL: tests stay offline. */
final class TestRepository {
    final Path root;

    TestRepository(Path root) throws IOException {
        this.root = Files.createDirectories(root);
    }

    String url() {
        return root.toUri().toString();
    }

    /**
     * Publishes {@code g:a:v} as a jar holding one entry named after it, and a POM with the given
     * {@code <dependency>} elements.
     */
    Path publish(String g, String a, String v, String... dependencies) throws IOException {
        Path dir = root.resolve(g.replace('.', '/')).resolve(a).resolve(v);
        Files.createDirectories(dir);
        StringBuilder deps = new StringBuilder();
        for (String d : dependencies) {
            deps.append(d).append('\n');
        }
        Files.writeString(dir.resolve(a + "-" + v + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version>
                  <dependencies>
                %s  </dependencies>
                </project>
                """.formatted(g, a, v, deps), StandardCharsets.UTF_8);
        Path jar = dir.resolve(a + "-" + v + ".jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out)) {
            j.putNextEntry(new JarEntry(a + "-" + v + ".txt"));
            j.write((g + ":" + a + ":" + v).getBytes(StandardCharsets.UTF_8));
            j.closeEntry();
        }
        return jar;
    }

    /** Publishes a POM-only artifact (a parent or a BOM) with the given body inside {@code <project>}. */
    void publishPom(String g, String a, String v, String body) throws IOException {
        Path dir = root.resolve(g.replace('.', '/')).resolve(a).resolve(v);
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(a + "-" + v + ".pom"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version><packaging>pom</packaging>
                %s
                </project>
                """.formatted(g, a, v, body), StandardCharsets.UTF_8);
    }

    static String dependency(String g, String a, String v, String extra) {
        return "<dependency><groupId>" + g + "</groupId><artifactId>" + a + "</artifactId><version>" + v
                + "</version>" + extra + "</dependency>";
    }

    /** A settings.xml with the given local repository, offline flag and mirror of {@code mirrorOf} to {@code mirrorUrl}. */
    static Path settings(Path file, Path local, boolean offline, String mirrorOf, String mirrorUrl) throws IOException {
        String mirror = mirrorOf == null ? "" : """
                  <mirrors>
                    <mirror><id>test-mirror</id><url>%s</url><mirrorOf>%s</mirrorOf></mirror>
                  </mirrors>
                """.formatted(mirrorUrl, mirrorOf);
        Files.writeString(file, """
                <settings>
                  <localRepository>%s</localRepository>
                  <offline>%s</offline>
                %s</settings>
                """.formatted(local, offline, mirror), StandardCharsets.UTF_8);
        return file;
    }
}
