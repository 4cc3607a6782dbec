package io.ibex.gateway;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayRateLimiterTest {
    private final ManualClock clock = new ManualClock();
    private final GatewayRateLimiter limiter = GatewayRateLimiter.ibkrDefaults(clock);

    @Test
    void readsAreHeldToEightPerSecondLeavingHeadroomForOrders() throws Exception {
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            limiter.acquire("GET", "/v1/api/iserver/contract/" + i + "/info").close();
            sent.add(clock.nanoTime());
        }
        assertThat(maxInAnyWindow(sent, Duration.ofSeconds(1))).isEqualTo(8);
        assertThat(Duration.ofNanos(sent.get(23) - sent.get(0))).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void orderMutationsMayUseTheHeadroomButNeverExceedTenPerSecond() throws Exception {
        for (int i = 0; i < 8; i++) limiter.acquire("GET", "/v1/api/iserver/accounts").close();
        long before = clock.nanoTime();
        limiter.acquire("POST", "/v1/api/iserver/account/U1/orders").close();
        limiter.acquire("DELETE", "/v1/api/iserver/account/U1/order/5").close();
        assertThat(clock.nanoTime()).as("two order calls go at once").isEqualTo(before);
        limiter.acquire("POST", "/v1/api/iserver/reply/abc").close();
        assertThat(clock.nanoTime()).as("the eleventh waits").isGreaterThan(before);
    }

    @Test
    void perEndpointLimitsAreKeyedByPathIgnoringTheQueryString() throws Exception {
        limiter.acquire("GET", "/v1/api/iserver/account/orders?force=true").close();
        long t0 = clock.nanoTime();
        limiter.acquire("GET", "/v1/api/iserver/account/orders").close();
        assertThat(Duration.ofNanos(clock.nanoTime() - t0)).isEqualTo(Duration.ofSeconds(5));
        long t1 = clock.nanoTime();
        limiter.acquire("GET", "/v1/api/iserver/account/trades?days=2").close();
        assertThat(clock.nanoTime()).as("another endpoint has its own bucket").isEqualTo(t1);
    }

    @Test
    void atMostFiveHistoryRequestsAreInFlightAndClosingOneFreesASlot() throws Exception {
        GatewayRateLimiter strict = new GatewayRateLimiter(clock, 100, 100, RateLimit.IBKR_TABLE, 5,
            Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofSeconds(1));
        List<GatewayRateLimiter.Permit> open = new ArrayList<>();
        for (int i = 0; i < 5; i++) open.add(strict.acquire("GET", "/v1/api/iserver/marketdata/history?conid=1"));
        assertThatThrownBy(() -> strict.acquire("GET", "/v1/api/iserver/marketdata/history?conid=2"))
            .isInstanceOf(RateLimitedException.class);
        open.get(0).close();
        open.get(0).close(); // closing twice frees one slot only
        strict.acquire("GET", "/v1/api/iserver/marketdata/history?conid=3");
        assertThatThrownBy(() -> strict.acquire("GET", "/v1/api/iserver/marketdata/history?conid=4"))
            .isInstanceOf(RateLimitedException.class);
    }

    @Test
    void after429NothingIsSentForTenMinutesExceptOneProbePerMinute() throws Exception {
        limiter.acquire("GET", "/v1/api/iserver/accounts").close();
        limiter.onStatus(429);
        assertThatThrownBy(() -> limiter.acquire("GET", "/v1/api/iserver/accounts")).isInstanceOf(RateLimitedException.class);
        assertThatThrownBy(() -> limiter.acquire("POST", "/v1/api/tickle")).isInstanceOf(RateLimitedException.class);

        clock.advance(Duration.ofSeconds(61));
        limiter.acquire("GET", "/v1/api/iserver/accounts").close(); // the probe
        limiter.onStatus(429);                                          // still boxed
        assertThatThrownBy(() -> limiter.acquire("GET", "/v1/api/iserver/accounts")).isInstanceOf(RateLimitedException.class);

        clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        limiter.acquire("GET", "/v1/api/iserver/accounts").close();
        limiter.acquire("GET", "/v1/api/iserver/accounts").close();
        assertThat(limiter.inPenaltyBox()).isFalse();
    }

    @Test
    void aSuccessfulProbeOpensTheBoxEarly() throws Exception {
        limiter.onStatus(429);
        clock.advance(Duration.ofMinutes(2));
        limiter.acquire("POST", "/v1/api/tickle").close();
        limiter.onStatus(200);
        limiter.acquire("GET", "/v1/api/iserver/accounts").close();
        assertThat(limiter.inPenaltyBox()).isFalse();
    }

    private static int maxInAnyWindow(List<Long> times, Duration window) {
        int max = 0;
        for (int i = 0; i < times.size(); i++) {
            int n = 0;
            for (int j = i; j < times.size() && times.get(j) - times.get(i) < window.toNanos(); j++) n++;
            max = Math.max(max, n);
        }
        return max;
    }
}
