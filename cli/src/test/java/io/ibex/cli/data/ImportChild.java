package io.ibex.cli.data;

import picocli.CommandLine;

/** Main class of the child JVM in {@link ImportKillTest}: the real {@code ibex data} command, nothing else. */
public final class ImportChild {
    private ImportChild() {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new DataCommand()).execute(args));
    }
}
