package io.ibex.cli;

import io.ibex.framework.env.IbexHome;
import io.ibex.framework.error.IbexException;
import io.ibex.framework.error.StrategyFailedException;
import io.ibex.framework.files.FileModes;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * How the CLI reports failures. Wrong input (an {@link IbexException}: bad file, unknown strategy, bad parameter) and
 * bad command-line syntax print one actionable line and exit with 2. A strategy that throws (a
 * {@link StrategyFailedException}) prints the strategy, the bar time and what it threw, and exits with 5. Anything else is a bug or an environment problem:
 * one line naming it, exit 1, and the stack trace goes to a log file whose path the line gives.
 */
final class CliErrors {
    static final int USER_ERROR = 2;
    static final int UNEXPECTED = 1;
    static final int STRATEGY_FAILED = 5;

    private CliErrors() {}

    static int onExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String who = cmd.getCommandSpec().qualifiedName();
        StrategyFailedException failed = strategyFailure(ex);
        if (failed != null) {
            err.println(who + ": " + oneLine(failed.getMessage()) + " (" + writeLog(failed) + ")");
            err.flush();
            return STRATEGY_FAILED;
        }
        Throwable known = userError(ex);
        if (known != null) {
            err.println(who + ": " + oneLine(known.getMessage()));
            err.flush();
            return USER_ERROR;
        }
        String where = writeLog(ex);
        err.println(who + ": unexpected error " + ex.getClass().getSimpleName() + ": " + oneLine(String.valueOf(ex.getMessage()))
            + " (" + where + ")");
        err.flush();
        return UNEXPECTED;
    }

    static int onParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String who = cmd.getCommandSpec().qualifiedName();
        cmd.getErr().println(who + ": " + unknownCommand(ex).orElseGet(() -> plainSyntaxMessage(ex.getMessage()))
            + " (see: " + who + " --help)");
        cmd.getErr().flush();
        return USER_ERROR;
    }

    private static StrategyFailedException strategyFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof StrategyFailedException s) return s;
        }
        return null;
    }

    /** The IbexException (or I/O failure with its own message) in the cause chain, or null. */
    private static Throwable userError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IbexException || c instanceof UncheckedIOException) return c;
        }
        return null;
    }

    /** "unknown command 'bactest'; did you mean backtest?" when the first word after a command with subcommands is none of them. */
    static java.util.Optional<String> unknownCommand(CommandLine.ParameterException ex) {
        if (!(ex instanceof CommandLine.UnmatchedArgumentException u) || ex.getCommandLine().getSubcommands().isEmpty()) {
            return java.util.Optional.empty();
        }
        java.util.List<String> unmatched = u.getUnmatched();
        if (unmatched.isEmpty() || unmatched.get(0).startsWith("-")) return java.util.Optional.empty();
        java.util.List<String> suggestions = u.getSuggestions();
        return java.util.Optional.of("unknown command '" + unmatched.get(0) + "'"
            + (suggestions.isEmpty() ? "" : "; did you mean " + suggestions.get(0) + "?")); // picocli lists the closest first
    }

    private static final Pattern NOT_CONVERTED = Pattern.compile(
        "cannot convert '(.*)' to (?:BigDecimal|BigInteger|Integer|int|Long|long|Double|double|Float|float|Short|short)\\b.*$");

    /**
     * picocli's syntax message without its Java internals: no "Error: " prefix, no doubled "option option", and
     * "'abc' is not a number" instead of a NumberFormatException text.
     */
    static String plainSyntaxMessage(String message) {
        String m = oneLine(message);
        if (m.startsWith("Error: ")) m = m.substring("Error: ".length());
        m = m.replace("option option '", "option '");
        return NOT_CONVERTED.matcher(m).replaceFirst("'$1' is not a number");
    }

    static String oneLine(String message) {
        return message == null ? "" : message.replace("\r", " ").replace("\n", " ").strip();
    }

    /** Writes the stack trace to last-error.log in {@code -Dibex.logs} (default ~/.ibex/logs); returns where, or why not. */
    private static String writeLog(Throwable ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        String dir = System.getProperty("ibex.logs", IbexHome.dir().resolve("logs").toString());
        Path log = Path.of(dir, "last-error.log");
        try {
            FileModes.createPrivateDirectories(log.getParent());
            FileModes.writePrivate(log, trace.toString().getBytes(StandardCharsets.UTF_8));   // may hold account data
            return "stack trace in " + log;
        } catch (IOException e) {
            return "could not write the stack trace to " + log + ": " + e.getMessage();
        }
    }
}
