package io.ibex.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: it lists and dispatches the subcommands. */
@Command(name = "ibex", mixinStandardHelpOptions = true, version = "ibex 0.1.0",
    description = "Trading strategies on Interactive Brokers: backtest, research and run live through the Client Portal gateway.",
    subcommands = {CommandLine.HelpCommand.class,
        io.ibex.live.session.GatewayCommand.class,
        io.ibex.live.session.AuthCommand.class,
        io.ibex.live.doctor.DoctorCommand.class})
public final class IbexCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(System.out); }

    static int run(String[] args) {
        return new CommandLine(new IbexCommand()).execute(args);
    }
}
