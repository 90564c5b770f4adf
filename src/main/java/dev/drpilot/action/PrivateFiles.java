package dev.drpilot.action;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files an incident writes (the items a scan found, the requests a restore sends): often
 * personal data and tokens, so readable by the user alone, in folders only the user can open.
 */
public final class PrivateFiles {

    private static final boolean POSIX =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private PrivateFiles() {}

    /** Writes {@code content} to {@code file}, replacing it, making its folder when needed; owner-only on POSIX. */
    public static void write(Path file, byte[] content) throws IOException {
        folder(file.toAbsolutePath().getParent());
        if (POSIX && !Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.write(
                file,
                content,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        if (POSIX) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    /** Makes the folder (and its parents) when missing; the folder itself owner-only on POSIX. */
    public static Path folder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) Files.createDirectories(folder);
        if (POSIX) Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        return folder;
    }
}
