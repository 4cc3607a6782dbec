package io.ibex.cli.data;

import io.ibex.framework.error.IbexException;
import picocli.CommandLine;

import java.util.concurrent.Callable;

/**
 * The data commands' error boundary: an IbexException becomes one line on stderr and exit code 2, as at the root;
 * running out of memory becomes one line and exit code 1 (never a JVM stack trace).
 */
final class Commands {
    /** Same code as the root command gives wrong input (cli CliErrors.USER_ERROR). */
    static final int FAILED = 2;
    /** Same code as the root command gives an unexpected error (cli CliErrors.UNEXPECTED). */
    static final int UNEXPECTED = 1;

    private Commands() {}

    static int run(CommandLine.Model.CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (IbexException e) {
            report(spec, e.getMessage());
            return FAILED;
        } catch (OutOfMemoryError e) {
            long mib = Runtime.getRuntime().maxMemory() >> 20;
            report(spec, "out of memory (the Java heap is limited to " + mib + " MiB); give it more, e.g."
                + " JAVA_TOOL_OPTIONS=-Xmx" + Math.max(512, mib * 4) + "m");
            return UNEXPECTED;
        }
    }

    private static void report(CommandLine.Model.CommandSpec spec, String message) {
        spec.commandLine().getErr().println("ibex " + spec.qualifiedName().replaceFirst("^ibex ", "") + ": " + message);
        spec.commandLine().getErr().flush();
    }
}
