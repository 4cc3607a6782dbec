package io.ibex.session.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ibex.gateway.Json;
import io.ibex.session.AlertSink;
import io.ibex.session.Redactor;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The alert dispatcher against a real HTTP receiver on 127.0.0.1: body, redaction, de-duplication, rate cap, retries. */
class AlerterTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final AlertReceiver receiver = new AlertReceiver();
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T08:00:00Z"));
    private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

    @AfterEach void close() { receiver.close(); }

    private final AlertSink consoleSink = new AlertSink() {
        @Override public void alert(String message) { console.add("ALERT: " + message); }
        @Override public void notice(String message) { console.add(">>> " + message); }
    };

    private Alerter alerter(List<AlertChannel> channels, Alerter.Settings settings) {
        InstantSource clock = now::get;
        return new Alerter(channels, consoleSink, Redactor.of("Canary-Pa55", "simuser"), clock, "live aapl", settings, slept::add);
    }

    private Alerter webhookAlerter(Alerter.Settings settings) {
        return alerter(List.of(new WebhookChannel(URI.create(receiver.url("/hook")))), settings);
    }

    @Test
    void webhookGetsTheDocumentedJsonWithSecretsAndAccountIdsRedacted() throws Exception {
        try (Alerter a = webhookAlerter(Alerter.Settings.defaults())) {
            a.account("DU1234567");
            a.raise(AlertEvent.LOGIN_REJECTED, "", "IBeam said: bad password Canary-Pa55 for simuser on U7654321");
            AlertReceiver.Request r = receiver.next(WAIT);
            assertThat(r).isNotNull();
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = Json.MAPPER.readTree(r.body());
            assertThat(body.get("level").asText()).isEqualTo("critical");
            assertThat(body.get("event").asText()).isEqualTo("login_rejected");
            assertThat(body.get("time").asText()).isEqualTo("2026-12-02T08:00:00Z");
            assertThat(body.get("account").asText()).isEqualTo("DU****67");
            assertThat(body.get("runner").asText()).isEqualTo("live aapl");
            assertThat(body.get("message").asText()).isEqualTo("IBeam said: bad password **** for si****er on U7****21");
            assertThat(r.body()).doesNotContain("Canary-Pa55", "DU1234567", "U7654321", "simuser");
            assertThat(console).containsExactly("ALERT: IBeam said: bad password **** for si****er on U7****21");
        }
    }

    @Test
    void aRaisedEventIsSentOnceUntilResolvedAndAResolveOnlyForWhatWasRaised() throws Exception {
        try (Alerter a = webhookAlerter(Alerter.Settings.defaults())) {
            a.resolve(AlertEvent.INSTRUMENT_FROZEN, "AAPL", "never raised");
            a.raise(AlertEvent.INSTRUMENT_FROZEN, "AAPL", "AAPL frozen: position mismatch");
            a.raise(AlertEvent.INSTRUMENT_FROZEN, "AAPL", "AAPL frozen: position mismatch");
            a.raise(AlertEvent.INSTRUMENT_FROZEN, "MSFT", "MSFT frozen: position mismatch");
            a.resolve(AlertEvent.INSTRUMENT_FROZEN, "AAPL", "AAPL unfrozen");
            a.resolve(AlertEvent.INSTRUMENT_FROZEN, "AAPL", "AAPL unfrozen");
            a.raise(AlertEvent.INSTRUMENT_FROZEN, "AAPL", "AAPL frozen again");
            a.close(WAIT);
            List<String> events = receiver.drain().stream().map(r -> {
                JsonNode n = read(r.body());
                return n.get("level").asText() + " " + n.get("subject").asText() + " " + n.get("message").asText();
            }).toList();
            assertThat(events).containsExactly("critical AAPL AAPL frozen: position mismatch",
                "critical MSFT MSFT frozen: position mismatch", "resolved AAPL AAPL unfrozen", "critical AAPL AAPL frozen again");
            assertThat(a.suppressed()).isEqualTo(1);
            assertThat(a.activeCount()).isEqualTo(2);
        }
    }

    @Test
    void aStillRaisedEventIsRepeatedAfterTheRepeatInterval() throws Exception {
        try (Alerter a = webhookAlerter(Alerter.Settings.defaults())) {
            a.raise(AlertEvent.SESSION_DOWN, "", "down");
            now.set(now.get().plus(Duration.ofMinutes(59)));
            a.raise(AlertEvent.SESSION_DOWN, "", "down");
            now.set(now.get().plus(Duration.ofMinutes(2)));
            a.raise(AlertEvent.SESSION_DOWN, "", "still down");
            a.close(WAIT);
            assertThat(receiver.drain()).extracting(r -> read(r.body()).get("message").asText()).containsExactly("down", "still down");
        }
    }

    @Test
    void theRateCapKeepsAFlappingConditionOffThePhoneButOnTheConsole() throws Exception {
        Alerter.Settings cap3 = new Alerter.Settings(Duration.ofHours(1), 3, Duration.ofMinutes(10), 3, Duration.ofSeconds(1));
        try (Alerter a = webhookAlerter(cap3)) {
            for (int i = 1; i <= 5; i++) a.raise(AlertEvent.ORDER_OUTCOME_UNKNOWN, "ibex-x-" + i, "order ibex-x-" + i + " outcome unknown");
            now.set(now.get().plus(Duration.ofMinutes(11)));
            a.raise(AlertEvent.ORDER_OUTCOME_UNKNOWN, "ibex-x-6", "order ibex-x-6 outcome unknown");
            a.close(WAIT);
            assertThat(receiver.drain()).extracting(r -> read(r.body()).get("subject").asText())
                .containsExactly("ibex-x-1", "ibex-x-2", "ibex-x-3", "ibex-x-6");
            assertThat(a.suppressed()).isEqualTo(2);
            assertThat(console).filteredOn(l -> l.startsWith("ALERT: order")).hasSize(6);
            assertThat(console).filteredOn(l -> l.contains("3 sent in the last 10 min")).hasSize(1);
        }
    }

    @Test
    void aFailedDeliveryIsRetriedABoundedNumberOfTimesWithBackoff() throws Exception {
        receiver.answer(500, 503, 200);
        try (Alerter a = webhookAlerter(Alerter.Settings.defaults())) {
            a.raise(AlertEvent.KILL_SWITCH, "", "kill switch on");
            a.close(WAIT);
            assertThat(receiver.drain()).hasSize(3);
            assertThat(a.delivered()).isEqualTo(1);
            assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
        }
    }

    @Test
    void aDeliveryThatKeepsFailingIsGivenUpAndAClientErrorIsNotRetried() throws Exception {
        receiver.answer(500, 500, 500, 404);
        try (Alerter a = webhookAlerter(Alerter.Settings.defaults())) {
            a.raise(AlertEvent.KILL_SWITCH, "", "kill switch on");
            a.raise(AlertEvent.DAILY_LOSS_LIMIT, "", "daily loss limit hit");
            a.close(WAIT);
            assertThat(receiver.drain()).hasSize(4);
            assertThat(a.failedDeliveries()).isEqualTo(2);
            assertThat(console).contains(">>> alert to webhook 127.0.0.1:" + URI.create(receiver.url("/")).getPort()
                + " not delivered (webhook 127.0.0.1:" + URI.create(receiver.url("/")).getPort() + ": HTTP 500; 3 tries)");
            assertThat(console).anyMatch(l -> l.endsWith("HTTP 404; 1 try)"));
        }
    }

    @Test
    void raisingNeverWaitsForADeliveryInFlight() throws Exception {
        receiver.holdRequests();
        try (Alerter a = webhookAlerter(Alerter.Settings.defaults())) {
            a.raise(AlertEvent.STRATEGY_FAILED, "", "strategy failed");
            a.raise(AlertEvent.KILL_SWITCH, "", "kill switch on");
            // both calls returned while the receiver still holds the first request: the caller did not wait
            assertThat(console).containsExactly("ALERT: strategy failed", "ALERT: kill switch on");
            assertThat(receiver.drain()).isEmpty();
            receiver.release();
            a.close(WAIT);
            assertThat(receiver.drain()).hasSize(2);
        }
    }

    @Test
    void ntfyGetsTheMessageAsBodyAndTitlePriorityTagsAsHeaders() throws Exception {
        try (Alerter a = alerter(List.of(new NtfyChannel(URI.create(receiver.url("/ibex-topic")))), Alerter.Settings.defaults())) {
            a.raise(AlertEvent.IBKEY_APPROVAL_NEEDED, "", "approve the IB Key notification on your phone now");
            a.resolve(AlertEvent.IBKEY_APPROVAL_NEEDED, "", "gateway session authenticated again");
            a.close(WAIT);
            List<AlertReceiver.Request> rs = receiver.drain();
            assertThat(rs).hasSize(2);
            assertThat(rs.get(0).path()).isEqualTo("/ibex-topic");
            assertThat(rs.get(0).body()).isEqualTo("approve the IB Key notification on your phone now");
            assertThat(rs.get(0).header("Title")).isEqualTo("ibex critical: ibkey_approval_needed");
            assertThat(rs.get(0).header("Priority")).isEqualTo("urgent");
            assertThat(rs.get(1).header("Priority")).isEqualTo("default");
            assertThat(rs.get(1).header("Tags")).isEqualTo("white_check_mark");
            assertThat(console).containsExactly(">>> approve the IB Key notification on your phone now",
                ">>> resolved: gateway session authenticated again");
        }
    }

    @Test
    void telegramPostsToTheBotApiAndNeverShowsItsToken() throws Exception {
        String token = "123456:SECRET-bot-token";
        receiver.answer(401);
        TelegramChannel telegram = new TelegramChannel(URI.create(receiver.url("")), token, "-1001");
        try (Alerter a = alerter(List.of(telegram), Alerter.Settings.defaults())) {
            a.raise(AlertEvent.SESSION_DOWN, "", "session down for 5 min");
            a.raise(AlertEvent.KILL_SWITCH, "", "kill switch on");
            a.close(WAIT);
            List<AlertReceiver.Request> rs = receiver.drain();
            assertThat(rs).extracting(AlertReceiver.Request::path).containsOnly("/bot" + token + "/sendMessage");
            JsonNode body = read(rs.get(1).body());
            assertThat(body.get("chat_id").asText()).isEqualTo("-1001");
            assertThat(body.get("text").asText()).isEqualTo("ibex critical: kill_switch\nkill switch on");
            assertThat(telegram.describe()).doesNotContain("SECRET");
            assertThat(String.join("\n", console)).contains("HTTP 401").doesNotContain("SECRET");
        }
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
