package io.ibex.cli.live;

import io.ibex.live.risk.KillSwitch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code ibex live halt --out DIR}: engages the kill switch of the runner using DIR (creates DIR/HALT). */
@Command(name = "halt", mixinStandardHelpOptions = true,
    description = "Stop a running 'ibex live' from sending orders: creates DIR/HALT; the runner halts within one loop.")
public final class HaltCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The run directory given to ibex live --out.")
    Path out;

    @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "halted by ibex live halt", description = "Why (written into the file).")
    String reason;

    @Override public Integer call() {
        KillSwitch.engage(out, reason);
        spec.commandLine().getOut().println("kill switch engaged: " + out.resolve(KillSwitch.FILE_NAME).toAbsolutePath());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
