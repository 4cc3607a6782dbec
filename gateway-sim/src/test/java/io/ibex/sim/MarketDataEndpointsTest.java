package io.ibex.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Snapshot pre-flight and formats, history, unsubscribe, and the contract endpoints (§4). */
class MarketDataEndpointsTest {
    private static final Instant T0 = Fixtures.MONDAY_10AM_NY;

    private static PriceScript script() {
        List<Tick> ticks = new ArrayList<>();
        ticks.add(new Tick(T0.minus(Duration.ofDays(3)).toEpochMilli(), 185.00, 184.99, 185.01, 100, 100, 100, 1000)); // Friday close
        ticks.add(new Tick(T0.toEpochMilli(), 189.37, 189.36, 189.38, 130_000, 40_000, 300, 1_230_000));
        ticks.add(new Tick(T0.plusSeconds(60).toEpochMilli(), 190.00, 189.99, 190.01, 500, 500, 100, 1_240_000));
        return PriceScript.ticks(ticks);
    }

    private final SimClock clock = SimClock.manual(T0);
    private final GatewaySimulator sim = GatewaySimulator.builder().clock(clock).pacing(PacingMode.OFF)
        .initialSession(SessionState.AUTHENTICATED)
        .instrument(SimInstrument.aapl().prices(script()).sizeDivisor(100))
        .instrument(SimInstrument.spy().prices(PriceScript.randomWalk(7, 470, 5)))
        .start();
    private final SimHttp http = new SimHttp(sim);

    @AfterEach void close() { sim.close(); }

    private JsonNode snap(String fields) {
        return http.get("/iserver/marketdata/snapshot?conids=265598&fields=" + fields).json().get(0);
    }

    @Test void theFirstSnapshotIsAPreFlightAndFieldsAccumulateFromTheNextCallOn() {
        JsonNode first = snap("31");
        assertThat(first.toString()).isEqualTo("{\"conid\":265598,\"conidEx\":\"265598\"}");
        JsonNode second = snap("84");
        assertThat(second.has("31")).isTrue();
        assertThat(second.has("84")).as("added to an existing subscription: from the next call on").isFalse();
        JsonNode third = http.get("/iserver/marketdata/snapshot?conids=265598").json().get(0);
        assertThat(third.get("84").asText()).isEqualTo("189.36");
        assertThat(third.get("_updated").asLong()).isEqualTo(T0.toEpochMilli());
        assertThat(third.get("6509").asText()).isEqualTo("RpB");
        assertThat(third.get("server_id").asText()).startsWith("q");
    }

    @Test void valuesUseTheGatewayStringFormats() {
        snap("31,84,86,88,85,87,7762,82,83,55,7741,7295,70,71");
        JsonNode r = snap("31");
        assertThat(r.get("31").asText()).isEqualTo("189.37");
        assertThat(r.get("88").asText()).as("130,000 shares / sizeDivisor 100").isEqualTo("1,300");
        assertThat(r.get("85").asText()).isEqualTo("400");
        assertThat(r.get("87").asText()).isEqualTo("1.23M");
        assertThat(r.get("7762").asText()).isEqualTo("1229000");
        assertThat(r.get("7741").asText()).isEqualTo("185.00");
        assertThat(r.get("82").asText()).isEqualTo("4.37");
        assertThat(r.get("83").asText()).isEqualTo("2.36");
        assertThat(r.get("55").asText()).isEqualTo("AAPL");
        clock.advance(Duration.ofMinutes(1));
        assertThat(snap("31").get("70").asText()).isEqualTo("190.00");
    }

    @Test void aClosedMarketPrefixesTheLastPriceWithC() {
        snap("31");
        sim.market(Fixtures.AAPL).setClosed(true);
        assertThat(snap("31").get("31").asText()).isEqualTo("C189.37");
        sim.market(Fixtures.AAPL).setClosed(false).freeze();
        assertThat(snap("31").get("6509").asText()).isEqualTo("ZpB");
    }

    @Test void omittedFieldsAreLeftOut() {
        snap("31,84,86");
        sim.snapshot().omit(Fixtures.AAPL, "84", "86");
        JsonNode r = snap("31,84,86");
        assertThat(r.has("31")).isTrue();
        assertThat(r.has("84")).isFalse();
        assertThat(r.has("86")).isFalse();
    }

    @Test void unsubscribeClearsThePreFlight() {
        snap("31");
        assertThat(http.post("/iserver/marketdata/unsubscribe", "{\"conid\":265598}").body()).isEqualTo("{\"success\":true}");
        assertThat(snap("31").has("31")).isFalse();
        SimHttp.Reply unknown = http.post("/iserver/marketdata/unsubscribe", "{\"conid\":756733}");
        assertThat(unknown.status()).isEqualTo(500);
        assertThat(http.get("/iserver/marketdata/unsubscribeall").body()).isEqualTo("{\"unsubscribed\":true}");
    }

    @Test void tooManyFieldsIs400() {
        StringBuilder f = new StringBuilder("1");
        for (int i = 2; i <= 51; i++) f.append(',').append(i);
        SimHttp.Reply r = http.get("/iserver/marketdata/snapshot?conids=265598&fields=" + f);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body()).isEqualTo("{\"error\":\"too many conids or fields\"}");
    }

    @Test void historyAggregatesTicksIntoBarsAndValidatesBarAgainstPeriod() {
        clock.advance(Duration.ofMinutes(2));
        JsonNode h = http.get("/iserver/marketdata/history?conid=265598&period=1d&bar=1min").json();
        assertThat(h.get("symbol").asText()).isEqualTo("AAPL");
        assertThat(h.get("barLength").asInt()).isEqualTo(60);
        assertThat(h.get("data")).hasSize(2);
        assertThat(h.get("data").get(1).get("c").asDouble()).isEqualTo(190.00);
        assertThat(h.get("points").asInt()).isEqualTo(1);
        SimHttp.Reply bad = http.get("/iserver/marketdata/history?conid=265598&period=5min&bar=1h");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).isEqualTo("{\"error\":\"Bar size is not supported for the requested period\"}");
        assertThat(http.get("/iserver/marketdata/history?conid=265598&period=10min&bar=1min").status()).isEqualTo(200);
    }

    @Test void contractEndpointsHaveTheirOwnShapes() {
        JsonNode info = http.get("/iserver/secdef/info?conid=265598&sectype=STK").json().get(0);
        assertThat(info.get("conid").isNumber()).isTrue();
        assertThat(info.get("validExchanges").asText()).isEqualTo("SMART,NASDAQ");
        JsonNode ci = http.get("/iserver/contract/265598/info").json();
        assertThat(ci.get("con_id").asLong()).isEqualTo(265598);
        assertThat(ci.get("company_name").asText()).isEqualTo("APPLE INC");
        assertThat(http.get("/iserver/contract/1/info").status()).isEqualTo(500);
        JsonNode stocks = http.get("/trsrv/stocks?symbols=AAPL,NOPE").json();
        assertThat(stocks.get("AAPL").get(0).get("contracts").get(0).get("conid").asLong()).isEqualTo(265598);
        assertThat(stocks.get("NOPE")).isEmpty();
        assertThat(http.post("/iserver/secdef/search", "{\"symbol\":\"spy\"}").json().get(0).get("conid").asText()).isEqualTo("756733");
        assertThat(http.get("/iserver/secdef/search?symbol=APPLE&name=true").json()).hasSize(1);
        assertThat(http.get("/iserver/secdef/search?symbol=ZZZZ").body()).isEqualTo("[]");
    }

    @Test void sessionAndAccountEndpointsHaveTheirShapes() {
        JsonNode t = http.post("/tickle", "{}").json();
        assertThat(t.get("session").asText()).matches("[0-9a-f]{32}");
        assertThat(t.get("collission").asBoolean()).isFalse();
        assertThat(t.get("hmds").get("error").asText()).isEqualTo("no bridge");
        assertThat(t.get("ssoExpires").asLong()).isEqualTo(600_000);
        JsonNode v = http.get("/sso/validate").json();
        assertThat(v.get("RESULT").asBoolean()).isTrue();
        assertThat(v.get("LOGIN_TYPE").asInt()).isEqualTo(2);
        assertThat(http.getRoot("/v1/portal/sso/validate").status()).isEqualTo(200);
        JsonNode accts = http.get("/iserver/accounts").json();
        assertThat(accts.get("selectedAccount").asText()).isEqualTo("DU1234567");
        assertThat(accts.get("isPaper").asBoolean()).isTrue();
        assertThat(http.post("/iserver/account", "{\"acctId\":\"DU1234567\"}").body()).isEqualTo("{\"set\":true,\"acctId\":\"DU1234567\"}");
        JsonNode ledger = http.get("/portfolio/DU1234567/ledger").json();
        assertThat(ledger.get("USD").get("key").asText()).isEqualTo("LedgerList");
        assertThat(ledger.get("BASE").get("timestamp").asLong()).isEqualTo(T0.getEpochSecond());
        assertThat(http.get("/portfolio/subaccounts").json().get(0).get("clearingStatus").asText()).isEqualTo("O");
        assertThat(http.get("/portfolio/DU1234567/positions/1").body()).isEqualTo("[]");
    }
}
