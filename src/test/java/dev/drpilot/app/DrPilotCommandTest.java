package dev.drpilot.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drpilot.app.wiring.DrPilotServices;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

class DrPilotCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int drpilot(String... args) {
        CommandLine line = DrPilotCommand.commandLineFor(DrPilotServices.fromEnvironment(), args);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void helpListsTheCommandsAndExitsZero() {
        assertThat(drpilot("--help")).isZero();
        assertThat(out.toString())
                .contains("Usage: drpilot")
                .contains("validate")
                .contains("list")
                .contains("show");
    }

    @Test
    void theListOfCommandsSaysWhatEachDoesInWholeSentences() {
        assertThat(drpilot("--help")).isZero();
        String list = out.toString().substring(out.toString().indexOf("Commands:"));
        for (String command : DrPilotCommand.commandLine(DrPilotServices.fromEnvironment())
                .getSubcommands()
                .keySet()) {
            Matcher entry = Pattern.compile("\n  " + command + " (.*?)(?=\n  \\S|\\s*$)", Pattern.DOTALL)
                    .matcher(list);
            assertThat(entry.find()).as(command).isTrue();
            String summary = entry.group(1).strip();
            assertThat(summary).as(command).endsWith(".");
        }
    }

    @Test
    void aCommandNamedFirstIsBuiltAloneAndAnythingElseGetsThemAll() {
        DrPilotServices services = DrPilotServices.fromEnvironment();
        int all = DrPilotCommand.commandLine(services).getSubcommands().size();

        assertThat(DrPilotCommand.commandLineFor(services, "list", "--log", "x").getSubcommands())
                .containsOnlyKeys("list");
        assertThat(DrPilotCommand.commandLineFor(services).getSubcommands()).hasSize(all);
        assertThat(DrPilotCommand.commandLineFor(services, "--log", "x", "list").getSubcommands())
                .hasSize(all);
        assertThat(DrPilotCommand.commandLineFor(services, "resolv").getSubcommands())
                .hasSize(all)
                .containsKey("resolve");
    }

    @Test
    void eachCommandIsFoundByTheNameItsOwnHelpShows() {
        for (DrPilotCommand.SubCommand command : DrPilotCommand.COMMANDS) {
            assertThat(command.type().getAnnotation(Command.class).name())
                    .as(command.type().getSimpleName())
                    .isEqualTo(command.name());
        }
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        assertThat(drpilot("validate", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: drpilot validate").contains("file:line:column");
    }

    @Test
    void everyCommandPrintsItsOwnHelpAndExitsZero() {
        for (String command : DrPilotCommand.commandLine(DrPilotServices.fromEnvironment())
                .getSubcommands()
                .keySet()) {
            StringWriter help = new StringWriter();
            CommandLine line = DrPilotCommand.commandLineFor(DrPilotServices.fromEnvironment(), command, "--help");
            line.setOut(new PrintWriter(help, true));

            assertThat(line.execute(command, "--help")).as(command).isZero();
            assertThat(help.toString()).as(command).startsWith("Usage: drpilot " + command + " ");
        }
    }

    @Test
    void anUnknownCommandIsRefusedInOneLineThatNamesTheClosest() {
        assertThat(drpilot("resolv")).isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("`drpilot resolv`: no such command; did you mean resolve?" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandWithHelpIsRefusedToo() {
        assertThat(drpilot("resolv", "--help")).isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("`drpilot resolv`: no such command; did you mean resolve?" + System.lineSeparator());
        assertThat(out.toString()).doesNotContain("Usage");
    }

    @Test
    void aMistypedOptionIsNamedBeforeTheOptionItMisses() {
        assertThat(drpilot("export", "INC-1", "--formt", "md")).isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo(
                        "`drpilot export`: unknown option '--formt'; did you mean --format?" + System.lineSeparator());
    }

    @Test
    void aMissingArgumentIsOneLineThatPointsAtTheCommandsHelp() {
        assertThat(drpilot("resolve")).isEqualTo(2);

        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .contains("Missing required parameter: 'INCIDENT'")
                .contains("`drpilot resolve --help`");
    }
}
