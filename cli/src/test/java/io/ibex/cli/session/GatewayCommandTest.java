package io.ibex.cli.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class GatewayCommandTest {
    @TempDir Path tmp;

    @Test
    void statusOfAGatewayThatIsNotRunningSaysSoAndExitsOne() {
        StringWriter out = new StringWriter();
        int exit = new CommandLine(new GatewayCommand()).setOut(new PrintWriter(out))
            .execute("status", "--gateway-dir", tmp.toString(), "--gateway-cert", tmp.resolve("none.pem").toString());
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).startsWith("gateway: not running").contains("ibex gateway start");
    }

    @Test
    void startInADirectoryThatIsNotAGatewayIsAOneLineErrorWithExitTwo() {
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new GatewayCommand()).setErr(new PrintWriter(err))
            .execute("start", "--gateway-dir", tmp.toString(), "--wait", "1");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("ibex: " + tmp).contains("bin/run.sh is missing").hasLineCount(1);
    }

    @Test
    void certIsASubcommandOfGateway() {
        CommandLine cl = new CommandLine(new GatewayCommand());
        assertThat(cl.getSubcommands()).containsKeys("start", "stop", "status", "cert");
    }
}
