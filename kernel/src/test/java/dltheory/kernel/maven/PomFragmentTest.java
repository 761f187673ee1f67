package dltheory.kernel.maven;

import org.junit.jupiter.api.Test;

import java.io.StringReader;

import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PomFragmentTest {
    private static Model model(String pom) throws Exception {
        return new MavenXpp3Reader().read(new StringReader(pom));
    }

    @Test
    void looseAndGroupedFragmentsAreGathered() throws Exception {
        Model m = model(PomFragment.toPom("""
                <repository><id>snapshots</id><url>https://example.org/snapshots/</url></repository>
                <dependency><groupId>a</groupId><artifactId>one</artifactId><version>1</version></dependency>
                <dependencies>
                  <dependency><groupId>b</groupId><artifactId>two</artifactId><version>2</version></dependency>
                </dependencies>
                <properties><x>y</x></properties>
                """));
        assertEquals(2, m.getDependencies().size());
        assertEquals("one", m.getDependencies().get(0).getArtifactId());
        assertEquals("two", m.getDependencies().get(1).getArtifactId());
        assertEquals("snapshots", m.getRepositories().get(0).getId());
        assertEquals("y", m.getProperties().getProperty("x"));
        assertEquals("4.0.0", m.getModelVersion());
        assertEquals("notebook", m.getGroupId());
    }

    @Test
    void coordinatesGivenInTheCellAreKept() throws Exception {
        Model m = model(PomFragment.toPom("<groupId>mine</groupId><artifactId>nb</artifactId><version>7</version>"));
        assertEquals("mine", m.getGroupId());
        assertEquals("nb", m.getArtifactId());
        assertEquals("7", m.getVersion());
    }

    @Test
    void aWholeProjectIsTakenAsItIs() throws Exception {
        String pom = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>g</groupId><artifactId>a</artifactId><version>3</version>
                  <dependencies><dependency><groupId>c</groupId><artifactId>d</artifactId><version>1</version></dependency></dependencies>
                </project>""";
        Model m = model(PomFragment.toPom(pom));
        assertEquals("g", m.getGroupId());
        assertEquals("d", m.getDependencies().get(0).getArtifactId());
    }

    @Test
    void malformedXmlIsAnError() {
        ResolutionException e = assertThrows(ResolutionException.class, () -> PomFragment.toPom("<dependency><groupId>a</dependency>"));
        assertTrue(e.getMessage().contains("not well-formed"), e.getMessage());
    }

    @Test
    void documentTypeDeclarationsAreRefused() {
        assertThrows(ResolutionException.class, () -> PomFragment.toPom("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"));
    }
}
