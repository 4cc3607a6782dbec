package io.ibex.cli.account;

import io.ibex.gateway.Recorded;
import io.ibex.gateway.TestGateway;
import io.ibex.gateway.TestGateway.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.StringReader;

import static org.assertj.core.api.Assertions.assertThat;

class GatewayCommandsTest {
    private static final String ORDERS = "/v1/api/iserver/account/U1234567/orders";
    private TestGateway gw;

    @BeforeEach void start() throws Exception {
        gw = TestGateway.start()
            .on("GET", "/v1/api/iserver/accounts", Reply.ok(Recorded.body("accounts/iserver-accounts")))
            .on("GET", "/v1/api/portfolio/accounts", Reply.ok(Recorded.body("portfolio-accounts/accounts")))
            .on("GET", "/v1/api/iserver/secdef/search", Reply.ok(Recorded.body("secdef-search/aapl")));
        OrderCommand.prompt = () -> null;
    }

    @AfterEach void stop() {
        gw.close();
        OrderCommand.prompt = ConfirmationPrompt.CONSOLE;
    }

    @Test
    void accountsPrintsAnAlignedTableMarkingTheSelectedAccount() {
        CliRun r = CliRun.run(gw, new AccountsCommand());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("ACCOUNT   SELECTED  TYPE").contains("U1234567  *         INDIVIDUAL  USD       Jane Doe");
    }

    @Test
    void positionsAsJsonKeepsUnknownPricesNull() {
        gw.on("GET", "/v1/api/portfolio/U1234567/positions/0", Reply.ok(Recorded.body("positions/page")));
        CliRun r = CliRun.run(gw, new PositionsCommand(), "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("\"symbol\" : \"SPY\"").contains("\"market_price\" : null").contains("\"position\" : -10");
    }

    @Test
    void summaryAndLedgerShowTheMainNumbers() {
        gw.on("GET", "/v1/api/portfolio/U1234567/summary", Reply.ok(Recorded.body("summary/summary")))
            .on("GET", "/v1/api/portfolio/U1234567/ledger", Reply.ok(Recorded.body("ledger/ledger")));
        CliRun summary = CliRun.run(gw, new SummaryCommand());
        assertThat(summary.out()).contains("netliquidation").contains("1,000,000.25");
        CliRun ledger = CliRun.run(gw, new LedgerCommand());
        assertThat(ledger.out().lines().skip(1).findFirst().orElseThrow()).startsWith("BASE");
    }

    @Test
    void searchMarksTheListingIbexWouldTrade() {
        CliRun r = CliRun.run(gw, new SearchCommand(), "AAPL");
        assertThat(r.out()).containsPattern("\\*\\s+265598\\s+AAPL\\s+NASDAQ");
    }

    @Test
    void quoteShowsPriorCloseAndHaltedFlagsAndDashesForMissingValues() {
        gw.on("GET", "/v1/api/iserver/marketdata/snapshot", Reply.ok(Recorded.body("snapshot/values")));
        CliRun r = CliRun.run(gw, new QuoteCommand(), "AAPL", "756733", "8314", "--fields", "31,84,86,87");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("SYMBOL  CONID   LAST").contains("168.42(C)").contains("halted").contains("1230000");
        String spyLine = r.out().lines().filter(l -> l.contains("756733")).findFirst().orElseThrow();
        assertThat(spyLine).contains("halted").doesNotContain(" 0 ");
    }

    @Test
    void anOrderWithoutYesAndWithoutATerminalIsNotSent() {
        CliRun r = CliRun.run(gw, new OrderCommand(), "buy", "AAPL", "10");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("ibex order: not sent: BUY 10 AAPL (conid 265598) MKT DAY, account U1****67").contains("--yes");
        assertThat(gw.requests("POST", ORDERS)).isEmpty();
    }

    @Test
    void anOrderWithYesShowsTheQuestionsConfirmsThemAndPrintsTheOrderId() {
        gw.on("POST", ORDERS, Reply.ok(Recorded.body("place-order/question")))
            .on("POST", "/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c", Reply.ok(Recorded.body("place-order/placed")));
        CliRun r = CliRun.run(gw, new OrderCommand(), "buy", "AAPL", "10", "--type", "LMT", "--price", "180", "--yes");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("gateway asks [o163]").contains("confirmed (--yes)").contains("order 1234567890 Submitted (cOID ibex-cli-");
        assertThat(gw.requests("POST", ORDERS).get(0).body()).contains("\"price\":180").contains("\"orderType\":\"LMT\"");
    }

    @Test
    void anInteractiveNoDeclinesTheQuestionAndTheOrderEndsRejected() {
        gw.on("POST", ORDERS, Reply.ok(Recorded.body("place-order/question")))
            .on("POST", "/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c", Reply.ok("{\"error\":\"order discarded\"}"));
        // one terminal: "y" to the send prompt, then "n" to the gateway's question
        OrderCommand.prompt = new ConfirmationPrompt() {
            private final BufferedReader in = new BufferedReader(new StringReader("y\nn\n"));
            @Override public BufferedReader reader() { return in; }
        };
        CliRun r = CliRun.run(gw, new OrderCommand(), "sell", "AAPL", "5");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("rejected").contains("declined question [o163]");
        assertThat(gw.requests("POST", "/v1/api/iserver/reply/07a13a5a-4a48-44a5-bb25-5ab37b79186c").get(0).body())
            .isEqualTo("{\"confirmed\":false}");
    }

    @Test
    void anOrderWhoseOutcomeIsUnknownExitsFourAndNamesTheCoid() {
        gw.on("POST", ORDERS, Reply.status(503, ""));
        CliRun r = CliRun.run(gw, new OrderCommand(), "buy", "AAPL", "1", "--yes");
        assertThat(r.exit()).isEqualTo(4);
        assertThat(r.err()).contains("outcome unknown").contains("NOT resent").contains("ibex-cli-");
        assertThat(gw.requests("POST", ORDERS)).hasSize(1);
    }

    @Test
    void badInputIsOneActionableLineWithoutAStackTrace() {
        CliRun r = CliRun.run(gw, new OrderCommand(), "buy", "AAPL", "1", "--type", "LMT", "--yes");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("ibex order: LMT needs a price (--price)");
        CliRun badType = CliRun.run(gw, new OrderCommand(), "hold", "AAPL", "1");
        assertThat(badType.err()).contains("side 'hold' must be buy or sell").doesNotContain("Exception");
    }

    @Test
    void aRemoteGatewayUrlIsRefusedBeforeAnyConnection() {
        CliRun r = CliRun.run(null, new AccountsCommand(), "--gateway", "https://10.0.0.5:5000");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not on this machine").contains("--allow-remote-gateway");
    }

    @Test
    void aMissingCertificateFileSaysHowToMakeOne() {
        CliRun r = CliRun.run(null, new AccountsCommand(), "--gateway", "https://localhost:5999", "--gateway-cert", "/nonexistent/gw.pem");
        assertThat(r.err()).contains("/nonexistent/gw.pem does not exist").contains("ibex gateway cert");
    }

    @Test
    void anExpiredSessionExitsThreeWithLoginAdvice() {
        gw.on("GET", "/v1/api/iserver/accounts", Reply.status(401, ""));
        CliRun r = CliRun.run(gw, new OrdersCommand());
        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).contains("HTTP 401").contains("log in");
    }

    @Test
    void ordersListsLiveOrdersAndCancelAndModifySendTheRightCalls() {
        gw.on("GET", "/v1/api/iserver/account/orders", Reply.ok(Recorded.body("live-orders/orders")))
            .on("DELETE", "/v1/api/iserver/account/U1234567/order/1234568791", Reply.ok(Recorded.body("cancel/ack")))
            .on("POST", "/v1/api/iserver/account/U1234567/order/1234568791", Reply.ok(Recorded.body("place-order/placed")));
        CliRun orders = CliRun.run(gw, new OrdersCommand());
        assertThat(orders.out()).contains("1234568791  ibex-cli-1  AAPL    BUY");

        CliRun cancel = CliRun.run(gw, new CancelCommand(), "1234568791");
        assertThat(cancel.exit()).isZero();
        assertThat(cancel.out()).contains("cancel requested for order 1234568791");

        CliRun modify = CliRun.run(gw, new ModifyCommand(), "1234568791", "--price", "151", "--yes");
        assertThat(modify.exit()).as(modify.err()).isZero();
        String body = gw.requests("POST", "/v1/api/iserver/account/U1234567/order/1234568791").get(0).body();
        assertThat(body).isEqualTo("{\"acctId\":\"U1234567\",\"conid\":265598,\"orderType\":\"LMT\",\"side\":\"BUY\","
            + "\"quantity\":10,\"price\":151,\"tif\":\"DAY\",\"outsideRTH\":false}");
    }
}
