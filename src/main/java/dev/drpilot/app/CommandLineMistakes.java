package dev.drpilot.app;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A mistyped command line, said in one line: what is wrong, and the closest command or option,
 * or where the help is. A word it does not know is named before anything it misses, and even
 * beside --help ({@code drpilot resolv --help} is not the general help).
 */
final class CommandLineMistakes implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionStrategy {

    private final CommandLine.IExecutionStrategy run = new CommandLine.RunLast();

    /** Runs the command the line names, unless words were left over that no command or option took. */
    @Override
    public int execute(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) last = last.subcommand();
        if (!last.unmatched().isEmpty())
            throw new UnmatchedArgumentException(last.commandSpec().commandLine(), last.unmatched());
        return run.execute(parsed);
    }

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine line = e.getCommandLine();
        PrintWriter err = line.getErr();
        err.println(sentence(e, line));
        err.flush();
        return line.getCommandSpec().exitCodeOnInvalidInput();
    }

    private static String sentence(ParameterException e, CommandLine line) {
        String command = line.getCommandSpec().qualifiedName();
        String help = "`" + command + " --help` shows what it takes";
        List<String> unmatched = e instanceof UnmatchedArgumentException u
                ? u.getUnmatched()
                : line.getParseResult() != null ? line.getParseResult().unmatched() : List.of();
        if (unmatched.isEmpty()) return "`" + command + "`: " + e.getMessage() + "; " + help;
        String first = unmatched.getFirst();
        List<String> suggestions = new UnmatchedArgumentException(line, unmatched).getSuggestions();
        String closest = suggestions.isEmpty() ? null : "did you mean " + suggestions.getFirst() + "?";
        if (!first.startsWith("-") && !line.getSubcommands().isEmpty()) {
            return "`" + command + " " + first + "`: no such command; "
                    + (closest != null ? closest : "`" + command + " --help` lists them");
        }
        return "`" + command + "`: " + (first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first
                + "'; " + (closest != null ? closest : help);
    }
}
