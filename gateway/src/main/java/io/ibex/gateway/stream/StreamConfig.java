package io.ibex.gateway.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * Timings of the WebSocket client (ibkr-gateway.md §8).
 *
 * @param ticEvery          how often to send {@code tic} (the gateway wants one at least every minute)
 * @param heartbeatTimeout  reconnect when no {@code system} heartbeat (sent about every 10 s) arrived for this long
 * @param renewEvery        re-send every {@code smd} subscription this often; IBKR ends them after about 15 minutes
 * @param reconnectBackoff  wait at least this long between connection attempts
 */
public record StreamConfig(Duration ticEvery, Duration heartbeatTimeout, Duration renewEvery, Duration reconnectBackoff) {
    public StreamConfig {
        Objects.requireNonNull(ticEvery, "ticEvery");
        Objects.requireNonNull(heartbeatTimeout, "heartbeatTimeout");
        Objects.requireNonNull(renewEvery, "renewEvery");
        Objects.requireNonNull(reconnectBackoff, "reconnectBackoff");
        if (ticEvery.compareTo(Duration.ofMinutes(1)) >= 0)
            throw new IllegalArgumentException("tic must go out more often than once a minute, was every " + ticEvery);
    }

    /** tic every 50 s, reconnect after 35 s without heartbeat, renew smd every 10 min, 5 s between attempts. */
    public static StreamConfig defaults() {
        return new StreamConfig(Duration.ofSeconds(50), Duration.ofSeconds(35), Duration.ofMinutes(10), Duration.ofSeconds(5));
    }
}
