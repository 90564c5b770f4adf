package dev.drpilot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.Main;
import dev.drpilot.incident.CrashedLog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands on a damaged log, as an operator runs them: the loss is named, nothing is written, recover salvages the rest. */
class DamagedLogCommandsTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run drpilot(String... args) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(
                java,
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("drpilot-out", ".txt");
        Path err = Files.createTempFile("drpilot-err", ".txt");
        Process child = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(
                child.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void aLostTailIsNamedByEveryCommandRefusedByNoteAndSalvagedByRecover() throws Exception {
        CrashedLog log = CrashedLog.in(dir.resolve("crashed"));
        log.zeroNewestChunk();
        String lost = log.newest() + " lost events 13 to 13: the database holds 12, its head file says 13";
        String at = log.log().toString();

        Run incidents = drpilot("incidents", "--log", at);
        assertThat(incidents.status()).isZero();
        assertThat(incidents.err()).startsWith("The incident log " + log.database() + " is damaged: " + lost + ".");
        assertThat(incidents.out()).contains(log.newest()).contains(log.older());

        Run note = drpilot("note", log.newest(), "--log", at, "pager", "fired");
        assertThat(note.status()).isEqualTo(1);
        assertThat(note.err())
                .contains("Not written: the note \"pager fired\" for " + log.newest() + ". The incident log "
                        + log.database() + " is damaged: " + lost)
                .doesNotContain("Exception")
                .doesNotContain("\tat ");

        Run verify = drpilot("verify", log.newest(), "--log", at);
        assertThat(verify.status()).isEqualTo(1);
        assertThat(verify.err()).contains(log.newest() + ": TAMPERED: " + lost);

        Path salvaged = dir.resolve("salvaged/log");
        Run recover = drpilot("recover", "--log", at, "--to", salvaged.toString());
        assertThat(recover.status()).isZero();
        assertThat(recover.out())
                .contains("Salvaged 15 events of 2 incidents from " + log.database())
                .contains(lost + "; recorded as event 14 of " + log.newest() + " in the new log.");

        Run verifySalvaged = drpilot("verify", log.newest(), "--log", salvaged.toString());
        assertThat(verifySalvaged.status()).isEqualTo(1);
        assertThat(verifySalvaged.err()).contains(log.newest() + ": TAMPERED: event 13 is missing (found 14 next)");
        Run noteSalvaged = drpilot("note", log.newest(), "--log", salvaged.toString(), "working", "on");
        assertThat(noteSalvaged.status()).isZero();
        assertThat(noteSalvaged.out()).contains("logged as event 15 of " + log.newest());
    }

    @Test
    void aLogThatCannotBeReadIsOneSentenceNotATrace() throws Exception {
        CrashedLog log = CrashedLog.in(dir.resolve("crashed"));
        log.zeroHeaders();

        Run incidents = drpilot("incidents", "--log", log.log().toString());

        assertThat(incidents.status()).isEqualTo(1);
        assertThat(incidents.err().strip())
                .startsWith("The incident log " + log.database() + " cannot be read")
                .endsWith("salvages every readable event into a new log, with the loss recorded there.")
                .doesNotContain("\n")
                .doesNotContain("\tat ");
    }
}
