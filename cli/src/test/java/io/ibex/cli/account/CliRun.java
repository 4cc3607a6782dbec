package io.ibex.cli.account;

import io.ibex.gateway.TestCert;
import io.ibex.gateway.TestGateway;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Runs one command against a test gateway and captures stdout, stderr and the exit code. */
record CliRun(int exit, String out, String err) {
    static CliRun run(TestGateway gw, Object command, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (gw != null) {
            all.add("--gateway=" + gw.root());
            all.add("--gateway-cert=" + TestCert.pinned().pem());
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all.toArray(String[]::new));
        return new CliRun(exit, out.toString(), err.toString());
    }
}
