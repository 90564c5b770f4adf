package dev.drpilot.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.action.ActionCatalog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbookVersionTest {

    @TempDir
    Path dir;

    @Test
    void theHashIsTheSha256OfTheBytesAndItsShortIdTheFirstTwelveDigits() {
        RunbookVersion version = RunbookVersion.of("abc.yaml", "abc");

        // the SHA-256 test vector of FIPS 180-2 for "abc"
        assertThat(version.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(version.shortId()).isEqualTo("ba7816bf8f01");
        assertThat(version.label()).isEqualTo("abc.yaml version ba7816bf8f01");
    }

    /** The loader keeps the file's exact bytes: a byte-order mark, CRLF endings and non-ASCII text all count, as sha256sum counts them. */
    @Test
    void aLoadedRunbookCarriesTheVersionOfItsFileAsSha256sumSeesIt() throws Exception {
        String text = "\uFEFFid: accents\r\ntitle: Vérifier la base\r\narchitecture: druid\r\nkind: readiness\r\n"
                + "targets: { rto: none, rpo: none }\r\nsteps:\r\n  - { id: look, title: Look, phase: validation, manual: Regardez. }\r\n";
        Path file = Files.writeString(dir.resolve("accents.yaml"), text, StandardCharsets.UTF_8);

        var loaded = new RunbookLoader(ActionCatalog.builtIn()).load(List.of(file));

        assertThat(loaded.problems()).isEmpty();
        RunbookVersion version = loaded.runbooks().getFirst().version();
        Process sha256sum = new ProcessBuilder("sha256sum", file.toString()).start();
        String expected = new String(sha256sum.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split(" ")[0];
        assertThat(version.sha256()).isEqualTo(expected);
        assertThat(version.file()).isEqualTo("accents.yaml");
        assertThat(version.text()).isEqualTo(text);
    }
}
