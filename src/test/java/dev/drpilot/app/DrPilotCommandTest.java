package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DrPilotCommandTest {

    @Test
    void helpListsTheCommandsAndExitsZero() {
        StringWriter out = new StringWriter();
        CommandLine line = DrPilotCommand.commandLine();
        line.setOut(new PrintWriter(out, true));

        assertThat(line.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: drpilot").contains("validate").contains("list").contains("show");
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        StringWriter out = new StringWriter();
        CommandLine line = DrPilotCommand.commandLine();
        line.setOut(new PrintWriter(out, true));

        assertThat(line.execute("validate", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: drpilot validate").contains("file:line:column");
    }

    @Test
    void anUnknownCommandIsRefusedWithUsage() {
        StringWriter err = new StringWriter();
        CommandLine line = DrPilotCommand.commandLine();
        line.setErr(new PrintWriter(err, true));

        assertThat(line.execute("valdate")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("validate");
    }
}
