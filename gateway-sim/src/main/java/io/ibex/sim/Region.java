package io.ibex.sim;

import java.time.ZoneId;

/** The IBKR region a session connects to; its local midnight is the nightly reset. */
public enum Region {
    NORTH_AMERICA("America/New_York"), EUROPE("Europe/Zurich"), ASIA("Asia/Hong_Kong");

    private final ZoneId zone;
    Region(String zone) { this.zone = ZoneId.of(zone); }

    public ZoneId zone() { return zone; }
}
