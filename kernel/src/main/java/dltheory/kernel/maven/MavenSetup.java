package dltheory.kernel.maven;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's Maven configuration files, found where Maven looks for them.
 *
 * @param userSettings    the user's {@code settings.xml} ({@code ~/.m2/settings.xml}); it need not exist
 * @param globalSettings  the installation's {@code settings.xml} ({@code $MAVEN_HOME/conf/settings.xml}),
 *                        or null
 * @param localRepository a local repository that overrides the settings' one (Maven's
 *                        {@code -Dmaven.repo.local}), or null
 */
public record MavenSetup(Path userSettings, Path globalSettings, Path localRepository) {

    /** Maven's defaults: {@code ~/.m2/settings.xml}, the settings of {@code $MAVEN_HOME} or {@code $M2_HOME}, {@code maven.repo.local}. */
    public static MavenSetup standard() {
        Path home = Path.of(System.getProperty("user.home"));
        Path global = null;
        for (String variable : new String[]{"MAVEN_HOME", "M2_HOME"}) {
            String dir = System.getenv(variable);
            if (dir != null && !dir.isBlank() && Files.isRegularFile(Path.of(dir, "conf", "settings.xml"))) {
                global = Path.of(dir, "conf", "settings.xml");
                break;
            }
        }
        String local = System.getProperty("maven.repo.local");
        return new MavenSetup(home.resolve(".m2").resolve("settings.xml"), global,
                local == null || local.isBlank() ? null : Path.of(local));
    }
}
