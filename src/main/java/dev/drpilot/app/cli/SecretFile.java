package dev.drpilot.app.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** A secret kept in a file: its first line, read only when no one but its owner can read it. */
final class SecretFile {

    /** Why a file's secret is not taken, as the end of a sentence. */
    static final class Refused extends Exception {
        Refused(String reason) {
            super(reason);
        }
    }

    private SecretFile() {}

    static String read(Path file) throws Refused {
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null) {
                Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
                if (permissions.contains(PosixFilePermission.GROUP_READ)
                        || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                    throw new Refused("other users can read it (" + PosixFilePermissions.toString(permissions)
                            + "); make it yours alone with chmod 600 " + file + " and run again");
                }
            }
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line = reader.readLine();
                if (line == null || line.isBlank()) throw new Refused("its first line is empty");
                return line;
            }
        } catch (NoSuchFileException e) {
            throw new Refused("no such file");
        } catch (IOException e) {
            throw new Refused("it cannot be read (" + e + ")");
        }
    }
}
