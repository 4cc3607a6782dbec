package io.ibex.data.cli;

import io.ibex.framework.error.IbexException;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/** The data commands' one error boundary: an IbexException becomes one line on stderr and exit code 1. */
final class Commands {
    static final int FAILED = 1;

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
