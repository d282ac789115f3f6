import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the Rust case generators the differential tests run: {@code target/debug/NAME} of the
 * repository (or of {@code $CARGO_TARGET_DIR}). Owns locating them and the message when one is
 * missing; not building them ({@code scripts/test} builds them before Maven).
 */
final class CargoBinaries {
    private CargoBinaries() {}

    static Path debugBinary(String name) {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("tests/jvm-oracle/pom.xml"))) {
            dir = dir.getParent();
        }
        assertTrue(dir != null, "cannot find the repository root above " + System.getProperty("user.dir"));
        String targetDir = System.getenv("CARGO_TARGET_DIR");
        Path target = targetDir == null || targetDir.isBlank() ? dir.resolve("target") : dir.resolve(targetDir);
        Path binary = target.resolve("debug").resolve(name);
        assertTrue(Files.isExecutable(binary), "the case generator " + binary + " is missing: build it with "
                + "`cargo build -p phum-tests --bin " + name + "` (scripts/test does this before Maven)");
        return binary;
    }
}
