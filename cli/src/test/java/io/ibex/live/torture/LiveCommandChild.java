package io.ibex.live.torture;

import io.ibex.cli.live.LiveCommand;
import picocli.CommandLine;

/** The {@code ibex live} command in a JVM of its own, as the kill -9 torture's victim: argv goes to picocli unchanged. */
public final class LiveCommandChild {
    private LiveCommandChild() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new LiveCommand()).execute(args));
    }
}
