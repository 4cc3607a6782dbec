package io.ibex.sim;

import java.time.Duration;
import java.time.LocalTime;

/** Every switch of the simulator, with the defaults of gateway-simulator.md. Mutable at runtime under the lock. */
final class Options {
    boolean strict;
    boolean requireAccountsFirst = true;
    boolean unauthorizedBodyEmpty;
    boolean noSessionAs200;
    boolean noBridgeAs401;
    boolean requireUserAgent;
    boolean allowBodylessInitFromIBeam = true;
    boolean searchDecoys;
    boolean rejectAsInactive;
    boolean stepDriven;
    boolean pathFills;              // replays: tick moves are paths, resting orders fill at their price (Matcher)
    boolean utcDayExpiry;           // replays: DAY orders die with the UTC day, as the backtest's
    boolean defaultQuestions = true;
    int duplicateCoidStatus = 200;
    int partialFillsMax;            // 0 = fill the whole order at once
    int snapshotWarmupCalls = 1;
    int liveOrdersWarmupCalls = 1;
    Region region = Region.NORTH_AMERICA;
    LocalTime nightlyResetAt = LocalTime.MIDNIGHT;
    Duration brokerageIdleTimeout = Duration.ofMinutes(6);
    Duration ssoIdleTimeout = Duration.ofMinutes(10);
    Duration maxSessionAge = Duration.ofHours(24);
    Duration resetOutage = Duration.ofMinutes(2);
    Duration reauthenticateDelay = Duration.ofSeconds(2);
    Duration cancelDelay = Duration.ofMillis(500);
    Duration gatewayStartupDelay = Duration.ofSeconds(3);
    Duration positionsCacheLag = Duration.ZERO;
    Duration smdLifetime = Duration.ofMinutes(15);
    Duration serverClockOffset = Duration.ZERO;
    PacingMode pacing = PacingMode.RECORD;
    int globalRps = 10;
    int penaltyAfter = 1;
    Duration penaltyDuration = Duration.ofMinutes(10);
    String username = "simuser";
    String password = "simpass";
    long seed = 1;
}
