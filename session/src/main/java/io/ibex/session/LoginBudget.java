package io.ibex.session;

import io.ibex.framework.env.IbexHome;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How many full logins (each one a phone push) may start: at most 3 per 30 min and 6 per 24 h (reliability F06), and
 * none at all after the password was rejected, until someone resets it ({@code ibex auth login --reset-login-budget}).
 * 2FA timeouts count, unlike IBeam's default, because endless push loops are what users complain about.
 *
 * <p>{@link #shared} keeps the count in a {@link LoginBudgetFile} in the ibex home, so every ibex process (a restart loop
 * of {@code auth login}, {@code live}, {@code keepalive}) spends the same budget.
 */
public final class LoginBudget {
    /** The file's name in the ibex home. */
    public static final String FILE_NAME = "login-budget";

    private final InstantSource clock;
    private final int perShortWindow;
    private final Duration shortWindow;
    private final int perDay;
    private final LoginBudgetFile.Store store;

    public LoginBudget(InstantSource clock, int perShortWindow, Duration shortWindow, int perDay) {
        this(clock, perShortWindow, shortWindow, perDay, LoginBudgetFile.inMemory());
    }

    private LoginBudget(InstantSource clock, int perShortWindow, Duration shortWindow, int perDay, LoginBudgetFile.Store store) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.perShortWindow = perShortWindow;
        this.shortWindow = Objects.requireNonNull(shortWindow, "shortWindow");
        this.perDay = perDay;
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The reliability limits, counted in this process only (tests). */
    public static LoginBudget reliabilityDefault(InstantSource clock) {
        return new LoginBudget(clock, 3, Duration.ofMinutes(30), 6);
    }

    /** The reliability limits, counted in {@code file} (0600, locked) and so shared by every process using it. */
    public static LoginBudget shared(java.nio.file.Path file, InstantSource clock) {
        return new LoginBudget(clock, 3, Duration.ofMinutes(30), 6, LoginBudgetFile.at(file));
    }

    /** The shared budget of this user: {@code login-budget} in the ibex home ($IBEX_HOME or ~/.ibex). */
    public static LoginBudget ofIbexHome(InstantSource clock) {
        return shared(IbexHome.resolve(FILE_NAME), clock);
    }

    /** Records an attempt and returns empty, or returns when the next attempt will be allowed. */
    public Optional<Instant> tryAcquire() {
        Instant now = clock.instant();
        Instant[] refusedUntil = new Instant[1];
        store.update(state -> {
            List<Instant> kept = new ArrayList<>(state.attempts().stream().filter(a -> a.isAfter(now.minus(Duration.ofDays(1)))).toList());
            List<Instant> recent = kept.stream().filter(a -> a.isAfter(now.minus(shortWindow))).toList();
            if (kept.size() >= perDay) refusedUntil[0] = kept.getFirst().plus(Duration.ofDays(1));
            else if (recent.size() >= perShortWindow) refusedUntil[0] = recent.getFirst().plus(shortWindow);
            else kept.add(now);
            return new LoginBudgetFile.State(kept, state.rejected());
        });
        return Optional.ofNullable(refusedUntil[0]);
    }

    /** Why the password was rejected, if it was and nobody has reset the budget since. */
    public Optional<String> rejected() {
        return Optional.ofNullable(store.update(state -> state).rejected());
    }

    /** Remembers that the password was rejected: no login starts until {@link #reset()}. */
    public void recordRejected(String reason) {
        String oneLine = reason.replaceAll("[\\r\\n]+", " ").strip();
        store.update(state -> new LoginBudgetFile.State(state.attempts(), oneLine.isEmpty() ? "rejected" : oneLine));
    }

    /** Forgets the attempts and a rejected password: for a person who fixed the .env, never for a restart loop. */
    public void reset() {
        store.update(state -> new LoginBudgetFile.State(List.of(), null));
    }
}
