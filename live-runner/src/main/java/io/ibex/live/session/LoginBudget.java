package io.ibex.live.session;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

/**
 * How many full logins (each one a phone push) may start: at most 3 per 30 min and 6 per 24 h (reliability F06).
 * 2FA timeouts count, unlike IBeam's default, because endless push loops are what users complain about.
 */
public final class LoginBudget {
    private final InstantSource clock;
    private final int perShortWindow;
    private final Duration shortWindow;
    private final int perDay;
    private final Deque<Instant> attempts = new ArrayDeque<>();

    public LoginBudget(InstantSource clock, int perShortWindow, Duration shortWindow, int perDay) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perShortWindow = perShortWindow;
        this.shortWindow = Objects.requireNonNull(shortWindow, "shortWindow");
        this.perDay = perDay;
    }

    public static LoginBudget reliabilityDefault(InstantSource clock) {
        return new LoginBudget(clock, 3, Duration.ofMinutes(30), 6);
    }

    /** Records an attempt and returns empty, or returns when the next attempt will be allowed. */
    public synchronized Optional<Instant> tryAcquire() {
        Instant now = clock.instant();
        Duration day = Duration.ofDays(1);
        while (!attempts.isEmpty() && !attempts.peekFirst().isAfter(now.minus(day))) attempts.removeFirst();
        if (attempts.size() >= perDay) return Optional.of(attempts.peekFirst().plus(day));
        long recent = attempts.stream().filter(a -> a.isAfter(now.minus(shortWindow))).count();
        if (recent >= perShortWindow) {
            Instant oldestRecent = attempts.stream().filter(a -> a.isAfter(now.minus(shortWindow))).findFirst().orElseThrow();
            return Optional.of(oldestRecent.plus(shortWindow));
        }
        attempts.addLast(now);
        return Optional.empty();
    }
}
