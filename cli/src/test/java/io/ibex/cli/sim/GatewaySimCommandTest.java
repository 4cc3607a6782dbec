package io.ibex.cli.sim;

import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.SimHttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `ibex gateway-sim` as a user runs it: the README curl sequence against the CLI's configuration, and bad input. */
class GatewaySimCommandTest {
    @TempDir Path tmp;

    private static GatewaySimCommand parse(String... args) {
        GatewaySimCommand cmd = new GatewaySimCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test void theSeedCurlCommandsWorkAgainstTheCommandLineSimulator() {
        GatewaySimulator sim = parse("--port", "0").startSimulator();
        try {
            SimHttp http = new SimHttp(sim);
            assertThat(http.get("/iserver/auth/status").json().get("authenticated").asBoolean()).isTrue();
            String acct = http.get("/portfolio/accounts").json().get(0).get("id").asText();
            assertThat(acct).isEqualTo("DU1234567");
            assertThat(http.get("/portfolio/" + acct + "/summary").json().get("netliquidation").get("amount").asDouble()).isEqualTo(1_000_000.0);
            assertThat(http.get("/portfolio/" + acct + "/positions/0").body()).isEqualTo("[]");
            assertThat(http.get("/iserver/secdef/search?symbol=AAPL").json().get(0).get("conid").asText()).isEqualTo("265598");
            assertThat(http.get("/iserver/marketdata/snapshot?conids=265598&fields=31,84,86").json().get(0).has("31")).isFalse();
            JsonNode row = http.get("/iserver/marketdata/snapshot?conids=265598&fields=31,84,86").json().get(0);
            assertThat(Double.parseDouble(row.get("31").asText())).isBetween(380.0, 720.0); // AAPL in 2013, from the shipped sample
            SimHttp.Reply order = http.post("/iserver/account/" + acct + "/orders",
                "{\"orders\":[{\"acctId\":\"" + acct + "\",\"conid\":265598,\"orderType\":\"MKT\",\"side\":\"BUY\",\"quantity\":1,\"tif\":\"DAY\"}]}");
            assertThat(order.json().get(0).get("order_status").asText()).isEqualTo("Submitted");
            assertThat(sim.backend().position(acct, 265598)).as("the demo market is open around the clock").isEqualTo(1.0);
        } finally {
            sim.close();
        }
    }

    @Test void startUnauthenticatedBeginsLoggedOutAndTheLoginFlowLogsIn() {
        GatewaySimulator sim = parse("--port", "0", "--start", "unauthenticated").startSimulator();
        try {
            SimHttp http = new SimHttp(sim);
            assertThat(http.post("/tickle", "{}").status()).isEqualTo(401);
            JsonNode login = http.postRoot("/__sim/login", "{\"username\":\"simuser\",\"password\":\"simpass\",\"twoFaMethod\":\"IB Key\"}").json();
            assertThat(login.get("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(http.post("/tickle", "{}").json().get("iserver").get("authStatus").get("authenticated").asBoolean()).isTrue();
        } finally {
            sim.close();
        }
    }

    @Test void aScenarioFileRegistersItsFaults() throws Exception {
        Path file = Files.writeString(tmp.resolve("s.json"),
            "{\"faults\":[{\"method\":\"GET\",\"path\":\"/portfolio/accounts\",\"times\":1,\"action\":\"respond\",\"status\":503,\"body\":\"\"}]}");
        GatewaySimulator sim = parse("--port", "0", "--scenario", file.toString()).startSimulator();
        try {
            SimHttp http = new SimHttp(sim);
            assertThat(http.get("/portfolio/accounts").status()).isEqualTo(503);
            assertThat(http.get("/portfolio/accounts").status()).isEqualTo(200);
        } finally {
            sim.close();
        }
    }

    @Test void theCertificateIsWrittenNewInAPrivateDirectoryAndNeverThroughAPlantedSymlink() throws Exception {
        GatewaySimulator sim = parse("--port", "0").startSimulator();
        try {
            Path victim = tmp.resolve("victim");
            // what another local user could plant in a shared /tmp at the name the simulator used to write
            Files.createSymbolicLink(tmp.resolve("ibex-gateway-sim-" + sim.port() + ".pem"), victim);
            Files.createSymbolicLink(tmp.resolve("ibex-gateway-sim.pem"), victim);
            Path pem = sim.writeCertificatePemPrivately(tmp);
            assertThat(victim).doesNotExist();
            assertThat(Files.isSymbolicLink(pem)).isFalse();
            assertThat(Files.readString(pem)).isEqualTo(sim.certificatePem());
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pem.getParent())))
                .isEqualTo("rwx------");
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-------");
        } finally {
            sim.close();
        }
    }

    @Test void requestLogLinesMaskTheAccountId() {
        assertThat(GatewaySimCommand.redact("/portfolio/DU1234567/summary", "DU1234567")).isEqualTo("/portfolio/DU****67/summary");
    }

    @Test void badOptionsGiveOneActionableLineAndExitCode2() throws Exception {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new GatewaySimCommand()).setErr(new PrintWriter(err));
        assertThat(cl.execute("--port", "0", "--start", "maybe")).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("gateway-sim: --start must be authenticated or unauthenticated, was 'maybe'");
        Path bad = Files.writeString(tmp.resolve("bars.csv"), "date,open,high,low,close,volume\n2013-01-02,1,2,0.5,1.5,100\n2013-01-03,x,2,1,1,1\n");
        err.getBuffer().setLength(0);
        assertThat(cl.execute("--port", "0", "--sim-data", bad.toString())).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("gateway-sim: " + bad + ":3: open 'x' is not a number");
    }
}
