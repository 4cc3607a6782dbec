package io.ibex.cli.account;

import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.PriceScript;
import io.ibex.sim.Route;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The account, quote and order commands end to end against the gateway simulator over pinned HTTPS. */
class SimulatorCommandsTest {
    private GatewaySimulator sim;
    private Path pem;

    @BeforeEach
    void start(@TempDir Path dir) {
        sim = GatewaySimulator.builder().clock(SimClock.system()).port(0).seed(3)
            .account(Account.paper("DU1234567").cash("USD", 1_000_000))
            .instrument(SimInstrument.aapl().prices(PriceScript.constant(189.60)))
            .initialSession(SessionState.AUTHENTICATED).liveOrdersWarmupCalls(0).start();
        sim.market(265598).setClosed(false);
        pem = sim.writeCertificatePem(dir.resolve("sim.pem"));
        OrderCommand.prompt = () -> null;
    }

    @AfterEach
    void stop() {
        sim.close();
        OrderCommand.prompt = ConfirmationPrompt.CONSOLE;
    }

    private CliRun run(Object command, String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--gateway=" + sim.rootUrl();
        all[args.length + 1] = "--gateway-cert=" + pem;
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(command).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(all);
        return new CliRun(exit, out.toString(), err.toString());
    }

    @Test
    void accountSummaryLedgerAndPositionsCommandsReadTheSimulatedPaperAccount() {
        CliRun accounts = run(new AccountsCommand());
        assertThat(accounts.exit()).as(accounts.err()).isZero();
        assertThat(accounts.out()).contains("DU1234567").contains("DEMO");
        assertThat(run(new SummaryCommand()).out()).contains("netliquidation");
        assertThat(run(new LedgerCommand()).out()).contains("USD");
        CliRun positions = run(new PositionsCommand(), "--json");
        assertThat(positions.exit()).as(positions.err()).isZero();
    }

    @Test
    void positionsShowPricesAsPricesNotAsBinaryFractions() {
        sim.backend().setPosition("DU1234567", 265598, 10, 456.98999999999995);
        CliRun positions = run(new PositionsCommand());
        assertThat(positions.exit()).as(positions.err()).isZero();
        assertThat(positions.out()).contains(" 456.99 ").doesNotContain("456.989999");
    }

    @Test
    void quoteWaitsOutThePreflightAndShowsALastPrice() {
        CliRun quote = run(new QuoteCommand(), "AAPL", "--fields", "31,84,86");
        assertThat(quote.exit()).as(quote.err()).isZero();
        assertThat(quote.out()).contains("AAPL").contains("265598").doesNotContain("no-data");
    }

    @Test
    void quoteStreamPrintsLiveUpdatesFromTheWebSocket() {
        CliRun quote = run(new QuoteCommand(), "AAPL", "--fields", "31,84,86", "--stream", "--max-updates", "1");
        assertThat(quote.exit()).as(quote.err()).isZero();
        assertThat(quote.out()).contains("AAPL 265598").contains("LAST 189.6").contains("BID 189.59").contains("ASK 189.61");
        assertThat(quote.err()).contains("stream connected");
    }

    @Test
    void quoteStreamAsJsonLines() {
        CliRun quote = run(new QuoteCommand(), "AAPL", "--fields", "31", "--stream", "--max-updates", "1", "--json");
        assertThat(quote.exit()).as(quote.err()).isZero();
        assertThat(quote.out().strip()).startsWith("{\"conid\":265598").contains("\"31\":{\"value\":189.6");
    }

    @Test
    void anOrderShowsTheGatewaysQuestionIsPlacedOnceAndThenListedCancelledAndModifiable() {
        CliRun order = run(new OrderCommand(), "buy", "AAPL", "2", "--type", "LMT", "--price", "150", "--yes");
        assertThat(order.exit()).as(order.err()).isZero();
        assertThat(order.out()).contains("gateway asks [o354]").contains("confirmed (--yes)");
        Matcher m = Pattern.compile("order (\\d+) (\\w+) \\(cOID (ibex-cli-[0-9a-z-]+)\\)").matcher(order.out());
        assertThat(m.find()).as(order.out()).isTrue();
        String orderId = m.group(1);
        assertThat(sim.journal().orderPostsWithCoid(m.group(3))).hasSize(1);

        assertThat(run(new OrdersCommand()).out()).contains(orderId).contains(m.group(3));
        CliRun modify = run(new ModifyCommand(), orderId, "--price", "151", "--yes");
        assertThat(modify.exit()).as(modify.out() + modify.err()).isZero();
        assertThat(sim.journal().last(Route.post("/iserver/account/*/order/" + orderId)).body()).contains("151");
        CliRun cancel = run(new CancelCommand(), orderId);
        assertThat(cancel.exit()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("cancel requested for order " + orderId);
        assertThat(sim.journal().count(Route.post("/iserver/account/*/orders"))).isEqualTo(1);
    }

    @Test
    void aServerErrorOnTheOrderPostExitsFourAndWasSentOnce() {
        sim.faults().on(Route.post("/iserver/account/*/orders")).times(1).respond(500, "{\"error\":\"internal\"}");
        CliRun order = run(new OrderCommand(), "sell", "AAPL", "1", "--yes");
        assertThat(order.exit()).isEqualTo(4);
        assertThat(order.err()).contains("outcome unknown").contains("HTTP 500");
        assertThat(sim.journal().count(Route.post("/iserver/account/*/orders"))).isEqualTo(1);
    }

    @Test
    void gatewaySimStartsAnInProcessSimulatorForOneCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(new AccountsCommand()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
            .execute("--gateway", "sim");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("DU1234567");
    }
}
