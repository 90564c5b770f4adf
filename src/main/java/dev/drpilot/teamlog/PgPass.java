package dev.drpilot.teamlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL password file ({@code ~/.pgpass}), read as libpq reads it: lines of
 * {@code host:port:database:user:password}, {@code *} matching anything, {@code \:} and {@code \\}
 * escaped, the first matching line winning, and the whole file ignored when others may read it.
 */
final class PgPass {

    private static final Logger LOG = LoggerFactory.getLogger(PgPass.class);
    private static final Set<PosixFilePermission> TOO_OPEN = Set.of(
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_EXECUTE);

    private PgPass() {}

    /** The password of the first line that matches, if the file exists, is private to its owner, and has one. */
    static Optional<String> lookUp(Path file, String host, int port, String database, String user) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (posix != null && posix.readAttributes().permissions().stream().anyMatch(TOO_OPEN::contains)) {
                LOG.warn("Ignoring the password file {}: others may read it (chmod 600 it)", file);
                return Optional.empty();
            }
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank() || line.startsWith("#")) continue;
                List<String> fields = fields(line);
                if (fields.size() != 5) continue;
                if (matches(fields.get(0), host)
                        && matches(fields.get(1), Integer.toString(port))
                        && matches(fields.get(2), database)
                        && matches(fields.get(3), user)) {
                    return Optional.of(fields.get(4));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            LOG.warn("Cannot read the password file {}: {}", file, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private static boolean matches(String pattern, String value) {
        return pattern.equals("*") || pattern.equals(value);
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                field.append(line.charAt(++i));
            } else if (c == ':' && fields.size() < 4) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
