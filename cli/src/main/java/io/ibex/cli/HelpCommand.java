package io.ibex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ibex help [COMMAND [SUBCOMMAND...]]}: the usage of the command the words name, at any depth
 * ({@code ibex help data import}); picocli's own help command looks at the first word only.
 */
@Command(name = "help", helpCommand = true,
    description = "Show the help of a command: ibex help COMMAND [SUBCOMMAND], e.g. ibex help data import.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and subcommand, to explain.")
    List<String> words = new ArrayList<>();

    private CommandLine self;
    private PrintWriter out;
    private CommandLine.Help.ColorScheme colors;

    @Override public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override public void run() {
        CommandLine target = self.getParent();
        for (String w : words) {
            CommandLine next = target.getSubcommands().get(w);
            if (next == null)
                throw new CommandLine.ParameterException(self, "unknown command '" + String.join(" ", words) + "'"
                    + (target.getParent() == null ? "" : ": " + target.getCommandName() + " has " + String.join(", ",
                    target.getSubcommands().keySet())));
            target = next;
        }
        target.usage(out, colors);
        out.flush();
    }
}
