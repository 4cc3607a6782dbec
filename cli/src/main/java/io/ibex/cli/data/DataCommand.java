package io.ibex.cli.data;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ibex data}: the bar store's commands. */
@Command(name = "data", mixinStandardHelpOptions = true,
    description = "Import, list, export and delete bars in the local bar store (H2).",
    subcommands = {DataImportCommand.class, DataListCommand.class, DataExportCommand.class, DataDeleteCommand.class})
public final class DataCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() { spec.commandLine().usage(spec.commandLine().getOut()); }
}
