package io.ibex.session;

import java.time.Duration;
import java.util.Objects;

/**
 * @param tickleInterval        60 s by default: the gateway drops idle sessions after ~5–6 min, IBKR asks for ~1/min
 * @param competeRetakeInterval at most one {@code ssodh/init compete=true} per this period, so two platforms don't ping-pong
 * @param initAttemptsBeforeLogin {@code ssodh/init} attempts on a lapsed brokerage session before a full IBeam login
 * @param backoffBase           first wait after a failed recovery step
 * @param backoffCap            longest wait between recovery steps
 * @param resetWindows          expected outages (no alarms, no logins inside)
 */
public record KeeperConfig(Duration tickleInterval, Duration competeRetakeInterval, int initAttemptsBeforeLogin,
                           Duration backoffBase, Duration backoffCap, ResetWindows resetWindows) {
    public KeeperConfig {
        Objects.requireNonNull(tickleInterval, "tickleInterval");
        Objects.requireNonNull(competeRetakeInterval, "competeRetakeInterval");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(resetWindows, "resetWindows");
        if (tickleInterval.isZero() || tickleInterval.isNegative())
            throw new IllegalArgumentException("tickleInterval must be > 0, was " + tickleInterval);
        if (initAttemptsBeforeLogin < 1)
            throw new IllegalArgumentException("initAttemptsBeforeLogin must be >= 1, was " + initAttemptsBeforeLogin);
    }

    public static KeeperConfig defaults() {
        return new KeeperConfig(Duration.ofSeconds(60), Duration.ofMinutes(10), 2, Duration.ofSeconds(30),
            Duration.ofMinutes(30), ResetWindows.newYorkDefault());
    }

    public KeeperConfig withTickleInterval(Duration d) {
        return new KeeperConfig(d, competeRetakeInterval, initAttemptsBeforeLogin, backoffBase, backoffCap, resetWindows);
    }

    public KeeperConfig withResetWindows(ResetWindows w) {
        return new KeeperConfig(tickleInterval, competeRetakeInterval, initAttemptsBeforeLogin, backoffBase, backoffCap, w);
    }
}
