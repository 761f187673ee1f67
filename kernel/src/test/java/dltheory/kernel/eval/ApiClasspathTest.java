package dltheory.kernel.eval;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where the api jar is cached when the user's cache folder cannot be written (issue #32, "Files"). */
class ApiClasspathTest {
    private static final String USER = System.getProperty("user.name");

    @TempDir
    Path tmp;

    /** A home whose .cache cannot be made (a file is in the way), as a read-only home does. */
    private Path unusableHome() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve(".cache"), "not a folder");
        return home;
    }

    @Test
    void theUsersCacheFolderIsUsedWhenWritable() throws IOException {
        Path home = Files.createDirectories(tmp.resolve("home"));
        assertEquals(home.resolve(".cache/dltheory-kernel"), ApiClasspath.cacheDir(null, home, tmp, USER));
    }

    @Test
    void theFallbackIsAPrivateFolderOfTheUser() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared-tmp"));
        Path dir = ApiClasspath.cacheDir(null, unusableHome(), shared, USER);
        assertEquals(shared.resolve("dltheory-kernel-" + USER), dir, "not the shared folder itself");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals(USER, Files.getOwner(dir).getName());
        assertEquals(dir, ApiClasspath.cacheDir(null, unusableHome(), shared, USER), "reused");
    }

    @Test
    void aPlantedFolderOthersCanWriteIsRefused() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared-tmp"));
        Path planted = Files.createDirectory(shared.resolve("dltheory-kernel-" + USER));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));
        IOException e = assertThrows(IOException.class, () -> ApiClasspath.cacheDir(null, unusableHome(), shared, USER));
        assertTrue(e.getMessage().contains("other users") && e.getMessage().contains("XDG_CACHE_HOME"), e.getMessage());
    }

    @Test
    void aPlantedSymbolicLinkIsRefused() throws IOException {
        Path shared = Files.createDirectories(tmp.resolve("shared-tmp"));
        Path elsewhere = Files.createDirectory(tmp.resolve("elsewhere"));
        Files.createSymbolicLink(shared.resolve("dltheory-kernel-" + USER), elsewhere);
        IOException e = assertThrows(IOException.class, () -> ApiClasspath.cacheDir(null, unusableHome(), shared, USER));
        assertTrue(e.getMessage().contains("not a folder"), e.getMessage());
    }

    @Test
    void aPlantedFolderOfAnotherUserIsRefused() throws IOException {
        assumeTrue("root".equals(USER), "only root can give a folder to another user");
        Path shared = Files.createDirectories(tmp.resolve("shared-tmp"));
        Path planted = Files.createDirectory(shared.resolve("dltheory-kernel-" + USER),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        UserPrincipal nobody = planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(planted, nobody);
        IOException e = assertThrows(IOException.class, () -> ApiClasspath.cacheDir(null, unusableHome(), shared, USER));
        assertTrue(e.getMessage().contains("belongs to nobody"), e.getMessage());
    }

    @Test
    void aBrokenCachedJarIsMadeAgain() throws IOException {
        Path jar = tmp.resolve("kernel.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.jar.JarEntry("dltheory/kernel/runtime/X.class"));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Path first = ApiClasspath.extract(jar, cache);
        Files.writeString(first, "<html>planted</html>");
        Path again = ApiClasspath.extract(jar, cache);
        assertEquals(first, again);
        ClasspathEntries.check(again);
    }
}
