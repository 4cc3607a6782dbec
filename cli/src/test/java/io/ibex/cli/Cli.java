package io.ibex.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real root command in-process and captures what it prints. */
record Cli(int exitCode, String out, String err) {
    static Cli run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = IbexCommand.commandLineFor(args);   // what Main runs
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Cli(code, out.toString(), err.toString());
    }
}
