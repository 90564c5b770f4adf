package dev.drpilot.app.wiring;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the runbooks that come with DR Pilot are: ./runbooks when there is one (a checkout, or
 * the operator's own folder), else the runbooks/ folder beside the jar (an installed app).
 */
public final class ShippedRunbooks {

    private ShippedRunbooks() {}

    public static Path folder() {
        Path here = Path.of("runbooks");
        if (Files.isDirectory(here)) return here;
        try {
            Path jar = Path.of(ShippedRunbooks.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path beside = jar.getParent().resolve("runbooks");
            return Files.isDirectory(beside) ? beside : here;
        } catch (URISyntaxException | RuntimeException e) {
            return here;
        }
    }
}
