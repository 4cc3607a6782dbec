package io.ibex.data.cli;

import io.ibex.framework.error.IbexException;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** The data commands' error boundary: an IbexException becomes one line on stderr and exit code 2, as at the root. */
final class Commands {
    /** Same code as the root command gives wrong input (cli CliErrors.USER_ERROR). */
    static final int FAILED = 2;

    private Commands() {}

    static int run(CommandLine.Model.CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IbexException e) {
            spec.commandLine().getErr().println("ibex " + spec.qualifiedName().replaceFirst("^ibex ", "") + ": "
                + e.getMessage());
            spec.commandLine().getErr().flush();
            return FAILED;
        }
    }
}
