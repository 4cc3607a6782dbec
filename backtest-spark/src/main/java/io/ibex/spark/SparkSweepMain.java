package io.ibex.spark;

import io.ibex.cli.backtest.SweepCommand;
import io.ibex.framework.error.IbexException;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the job JAR for {@code spark-submit}: {@code sweep ...} with the options of {@code ibex sweep};
 * the engine is {@code spark} unless {@code --engine} says otherwise, and the master is spark-submit's.
 */
public final class SparkSweepMain {
    private SparkSweepMain() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        List<String> a = new ArrayList<>(Arrays.asList(args));
        if (!a.isEmpty() && a.get(0).equals("sweep")) a.remove(0);
        if (!a.contains("--engine")) {
            a.add("--engine");
            a.add("spark");
        }
        CommandLine cl = new CommandLine(new SweepCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            for (Throwable c = ex; c != null; c = c.getCause())
                if (c instanceof IbexException) {
                    cmd.getErr().println("sweep: " + c.getMessage());
                    return 2;
                }
            throw ex;
        });
        return cl.execute(a.toArray(String[]::new));
    }
}
