package io.ibex.cli;

import io.ibex.cli.backtest.BacktestCommand;
import io.ibex.cli.backtest.DemoCommand;
import io.ibex.cli.backtest.StrategiesCommand;
import io.ibex.cli.backtest.SweepCommand;
import io.ibex.cli.data.DataCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.List;

/** The root command: it lists and dispatches the subcommands. */
@Command(name = "ibex", mixinStandardHelpOptions = true, version = "ibex 0.1.0",
    description = "Trading strategies on Interactive Brokers: backtest, research and run live through the Client Portal gateway.")
public final class IbexCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** The subcommands, in the order the full help groups them from. */
    static final List<Class<?>> COMMANDS = List.of(
        HelpCommand.class,
        DemoCommand.class,
        BacktestCommand.class,
        StrategiesCommand.class,
        io.ibex.cli.account.AccountsCommand.class,
        io.ibex.cli.account.SummaryCommand.class,
        io.ibex.cli.account.PositionsCommand.class,
        io.ibex.cli.account.LedgerCommand.class,
        io.ibex.cli.account.SearchCommand.class,
        io.ibex.cli.account.QuoteCommand.class,
        io.ibex.cli.account.OrderCommand.class,
        io.ibex.cli.account.OrdersCommand.class,
        io.ibex.cli.account.CancelCommand.class,
        io.ibex.cli.account.ModifyCommand.class,
        DataCommand.class,
        SweepCommand.class,
        io.ibex.cli.sim.GatewaySimCommand.class,
        io.ibex.cli.session.GatewayCommand.class,
        io.ibex.cli.session.AuthCommand.class,
        io.ibex.cli.session.DoctorCommand.class,
        io.ibex.cli.live.LiveCommand.class);

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }

    /** The root command with every subcommand and ibex's error handling: bad input is one line on stderr and exit code 2, never a stack trace. */
    public static CommandLine commandLine() { return build(COMMANDS); }

    /**
     * The root command with only the subcommand that {@code args} names, when it names one: building every command by
     * reflection was most of a small command's start-up (see issue 16's note). Anything else (no command, help, an option first, an unknown or misspelt name) gets the whole tree, so
     * help and "did you mean" see every command.
     */
    static CommandLine commandLineFor(String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) return build(List.of());
        if (args.length > 0 && !args[0].startsWith("-") && !args[0].equals("help"))
            for (Class<?> c : COMMANDS)
                if (c.getAnnotation(Command.class).name().equals(args[0])) return build(List.of(c));
        return commandLine();
    }

    private static CommandLine build(List<Class<?>> commands) {
        CommandLine cl = new CommandLine(new IbexCommand());
        for (Class<?> c : commands) cl.addSubcommand(c);
        CommandLine data = cl.getSubcommands().get("data");
        if (data != null) data.addSubcommand(new io.ibex.cli.account.DataFetchCommand()); // live-runner's, under data
        addHelpOptionWhereMissing(cl);
        HelpLayout.apply(cl);
        cl.setExecutionExceptionHandler(CliErrors::onExecutionException);
        cl.setParameterExceptionHandler(CliErrors::onParameterException);
        return cl;
    }

    /**
     * Every command answers {@code --help} (and {@code -h} where free), even one whose class declares no help option; a
     * subcommand's {@code -V} prints ibex's version instead of nothing.
     */
    static void addHelpOptionWhereMissing(CommandLine cl) {
        CommandLine.Model.CommandSpec spec = cl.getCommandSpec();
        boolean hasHelp = spec.options().stream().anyMatch(CommandLine.Model.OptionSpec::usageHelp);
        if (!hasHelp && spec.findOption("--help") == null) {
            String[] names = spec.findOption("-h") == null ? new String[] {"-h", "--help"} : new String[] {"--help"};
            spec.addOption(CommandLine.Model.OptionSpec.builder(names).usageHelp(true)
                .description("Show this help message and exit.").build());
        }
        if (spec.version().length == 0 && spec.parent() != null) spec.version(spec.root().version());
        cl.getSubcommands().values().forEach(IbexCommand::addHelpOptionWhereMissing);
    }

    static int run(String[] args) {
        return commandLineFor(args).execute(args);
    }
}
