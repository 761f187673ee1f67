package dltheory.kernel.maven;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dltheory.kernel.maven.TestRepository.dependency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Maven resolution against repositories in temporary folders. Every settings file here mirrors the
 * repositories the test uses (or is offline), so no test reaches the network.
 */
class MavenResolverTest {
    @TempDir
    Path tmp;
    TestRepository remote;
    Path local;

    @BeforeEach
    void repository() throws IOException {
        remote = new TestRepository(tmp.resolve("remote"));
        local = tmp.resolve("local");
        remote.publish("org.example", "util", "2.0",
                dependency("org.example", "testing", "1.0", "<scope>test</scope>"),
                dependency("org.example", "extra", "1.0", "<optional>true</optional>"));
        remote.publish("org.example", "app", "1.0", dependency("org.example", "util", "2.0", ""));
        remote.publish("org.example", "util", "3.0");
        remote.publish("org.example", "late", "1.0");
    }

    private MavenResolver resolver(boolean offline, String mirrorOf) throws Exception {
        Path settings = TestRepository.settings(tmp.resolve("settings-" + offline + "-" + mirrorOf + ".xml"),
                local, offline, mirrorOf, remote.url());
        return new MavenResolver(new MavenSetup(settings, null, null));
    }

    private Path inLocal(String g, String a, String v) {
        return local.resolve(g.replace('.', '/')).resolve(a).resolve(v).resolve(a + "-" + v + ".jar");
    }

    @Test
    void aMirrorOfEverythingServesCentralsArtifactsWithTheirRuntimeDependencies() throws Exception {
        try (MavenResolver r = resolver(false, "*")) {
            List<Path> files = r.resolve(List.of("org.example:app:1.0"), List.of());
            assertEquals(List.of(inLocal("org.example", "app", "1.0"), inLocal("org.example", "util", "2.0")), files,
                    "the artifact first, then its compile dependency; not its dependency's test or optional ones");
            files.forEach(f -> assertTrue(Files.isRegularFile(f), f + " downloaded into the local repository"));
            assertEquals(local.toAbsolutePath().normalize(), r.localRepository());
        }
    }

    @Test
    void severalCoordinatesAreOneGraphSoTheNearestVersionWins() throws Exception {
        try (MavenResolver r = resolver(false, "*")) {
            List<Path> files = r.resolve(List.of("org.example:app:1.0", "org.example:util:3.0"), List.of());
            assertTrue(files.contains(inLocal("org.example", "util", "3.0")), files.toString());
            assertFalse(files.contains(inLocal("org.example", "util", "2.0")), files.toString());
        }
    }

    @Test
    void aMissingArtifactIsAnErrorNamingItsCoordinate() throws Exception {
        try (MavenResolver r = resolver(false, "*")) {
            ResolutionException e = assertThrows(ResolutionException.class,
                    () -> r.resolve(List.of("org.example:nothing-here:9.9"), List.of()));
            assertTrue(e.getMessage().startsWith("cannot resolve org.example:nothing-here:9.9: "), e.getMessage());
            assertTrue(e.getMessage().contains("org.example:nothing-here:jar:9.9"), e.getMessage());
            // the resolver is still usable after a failure
            assertEquals(2, r.resolve(List.of("org.example:app:1.0"), List.of()).size());
        }
    }

    @Test
    void aMalformedCoordinateIsAnErrorNamingIt() throws Exception {
        try (MavenResolver r = resolver(false, "*")) {
            ResolutionException e = assertThrows(ResolutionException.class, () -> r.resolve(List.of("org.example-app"), List.of()));
            assertTrue(e.getMessage().contains("'org.example-app'"), e.getMessage());
        }
    }

    @Test
    void ivyCoordinatesAsIJavaAcceptedThem() throws Exception {
        try (MavenResolver r = resolver(false, "*")) {
            assertEquals(List.of(inLocal("org.example", "late", "1.0")), r.resolve(List.of("org.example#late;1.0"), List.of()));
        }
    }

    @Test
    void offlineUsesTheLocalRepositoryOnly() throws Exception {
        try (MavenResolver online = resolver(false, "*")) {
            online.resolve(List.of("org.example:app:1.0"), List.of());
        }
        try (MavenResolver offline = resolver(true, "*")) {
            assertTrue(offline.offline());
            assertEquals(2, offline.resolve(List.of("org.example:app:1.0"), List.of()).size(),
                    "what was downloaded before resolves offline");
            ResolutionException e = assertThrows(ResolutionException.class,
                    () -> offline.resolve(List.of("org.example:late:1.0"), List.of()));
            assertTrue(e.getMessage().contains("org.example:late"), e.getMessage());
            assertTrue(e.getMessage().contains("offline"), e.getMessage());
        }
        assertFalse(Files.exists(inLocal("org.example", "late", "1.0")), "the remote copy was not fetched");
    }

    @Test
    void anAddedRepositoryIsSearchedAfterCentral() throws Exception {
        TestRepository empty = new TestRepository(tmp.resolve("empty-central"));
        Path settings = TestRepository.settings(tmp.resolve("central-mirror.xml"), local, false, "central", empty.url());
        try (MavenResolver r = new MavenResolver(new MavenSetup(settings, null, null))) {
            assertThrows(ResolutionException.class, () -> r.resolve(List.of("org.example:late:1.0"), List.of()),
                    "central (mirrored to an empty folder) does not have it");
            r.addRepository("extra", remote.url());
            assertEquals(List.of("central", "extra"), r.repositories().stream().map(x -> x.getId()).toList());
            assertEquals(List.of(inLocal("org.example", "late", "1.0")), r.resolve(List.of("org.example:late:1.0"), List.of()));
        }
    }

    @Test
    void fromReplacesTheRepositories() throws Exception {
        TestRepository empty = new TestRepository(tmp.resolve("empty-central"));
        Path settings = TestRepository.settings(tmp.resolve("central-mirror.xml"), local, false, "central", empty.url());
        try (MavenResolver r = new MavenResolver(new MavenSetup(settings, null, null))) {
            assertEquals(List.of(inLocal("org.example", "late", "1.0")),
                    r.resolve(List.of("org.example:late:1.0"), List.of(remote.url())));
            assertThrows(ResolutionException.class, () -> r.resolve(List.of("org.example:late:1.0"), List.of("not a url")));
        }
    }

    @Test
    void badRepositoryArgumentsAreRejected() throws Exception {
        try (MavenResolver r = resolver(false, "*")) {
            assertThrows(ResolutionException.class, () -> r.addRepository(" ", remote.url()));
            assertThrows(ResolutionException.class, () -> r.addRepository("x", "relative/path"));
        }
    }

    @Test
    void theLocalRepositoryOverrideWinsOverTheSettings() throws Exception {
        Path other = tmp.resolve("override");
        Path settings = TestRepository.settings(tmp.resolve("s.xml"), local, false, "*", remote.url());
        try (MavenResolver r = new MavenResolver(new MavenSetup(settings, null, other))) {
            List<Path> files = r.resolve(List.of("org.example:late:1.0"), List.of());
            assertTrue(files.get(0).startsWith(other.toAbsolutePath()), files.toString());
        }
    }

    @Test
    void missingSettingsMeanMavensDefaults() throws Exception {
        try (MavenResolver r = new MavenResolver(new MavenSetup(tmp.resolve("absent.xml"), null, local))) {
            assertFalse(r.offline());
            assertEquals(List.of("central"), r.repositories().stream().map(x -> x.getId()).toList());
            assertEquals(MavenResolver.CENTRAL_URL, r.repositories().get(0).getUrl());
        }
    }

    @Test
    void malformedSettingsAreAnErrorNamingTheProblem() throws Exception {
        Path bad = tmp.resolve("bad.xml");
        Files.writeString(bad, "<settings><mirrors><mirror>", StandardCharsets.UTF_8);
        ResolutionException e = assertThrows(ResolutionException.class, () -> new MavenResolver(new MavenSetup(bad, null, local)));
        assertTrue(e.getMessage().contains("settings"), e.getMessage());
    }

    @Test
    void aPomsDependenciesWithPropertiesManagementAndScopes() throws Exception {
        remote.publishPom("org.example", "bom", "1.0", """
                <dependencyManagement><dependencies>
                  <dependency><groupId>org.example</groupId><artifactId>late</artifactId><version>1.0</version></dependency>
                </dependencies></dependencyManagement>""");
        Path pom = tmp.resolve("pom.xml");
        Files.writeString(pom, """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>nb</groupId><artifactId>cell</artifactId><version>1</version>
                  <properties><util.version>3.0</util.version></properties>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>org.example</groupId><artifactId>bom</artifactId><version>1.0</version>
                      <type>pom</type><scope>import</scope></dependency>
                  </dependencies></dependencyManagement>
                  <dependencies>
                    <dependency><groupId>org.example</groupId><artifactId>util</artifactId><version>${util.version}</version></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>late</artifactId></dependency>
                    <dependency><groupId>org.example</groupId><artifactId>app</artifactId><version>1.0</version><scope>test</scope></dependency>
                  </dependencies>
                </project>
                """, StandardCharsets.UTF_8);
        try (MavenResolver r = resolver(false, "*")) {
            assertEquals(List.of(inLocal("org.example", "util", "3.0"), inLocal("org.example", "late", "1.0")),
                    r.resolvePom(pom, List.of()), "property, BOM-managed version; the test dependency left out");
            assertEquals(List.of(inLocal("org.example", "app", "1.0"), inLocal("org.example", "util", "2.0")),
                    r.resolvePom(pom, List.of("test")), "only the scopes asked for");
        }
    }

    @Test
    void aPomWithAParentFromTheRepository() throws Exception {
        remote.publishPom("org.example", "parent", "1.0", "<properties><late.version>1.0</late.version></properties>");
        Path pom = tmp.resolve("child.xml");
        Files.writeString(pom, """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>org.example</groupId><artifactId>parent</artifactId><version>1.0</version><relativePath/></parent>
                  <artifactId>child</artifactId>
                  <dependencies>
                    <dependency><groupId>org.example</groupId><artifactId>late</artifactId><version>${late.version}</version></dependency>
                  </dependencies>
                </project>
                """, StandardCharsets.UTF_8);
        try (MavenResolver r = resolver(false, "*")) {
            assertEquals(List.of(inLocal("org.example", "late", "1.0")), r.resolvePom(pom, List.of()));
        }
    }

    @Test
    void aPomDependencyThatIsMissingNamesIt() throws Exception {
        Path pom = tmp.resolve("missing.xml");
        Files.writeString(pom, PomFragment.toPom(TestRepository.dependency("org.example", "absent", "4.2", "")), StandardCharsets.UTF_8);
        try (MavenResolver r = resolver(false, "*")) {
            ResolutionException e = assertThrows(ResolutionException.class, () -> r.resolvePom(pom, List.of()));
            assertTrue(e.getMessage().startsWith("cannot resolve org.example:absent:4.2"), e.getMessage());
        }
    }

    @Test
    void anInvalidPomIsAnError() throws Exception {
        Path pom = tmp.resolve("invalid.xml");
        Files.writeString(pom, "<project><dependencies><dependency><artifactId>x</artifactId></dependency></dependencies></project>");
        try (MavenResolver r = resolver(false, "*")) {
            ResolutionException e = assertThrows(ResolutionException.class, () -> r.resolvePom(pom, List.of()));
            assertTrue(e.getMessage().startsWith("invalid POM"), e.getMessage());
        }
    }
}
