package io.ibex.sim;

/** How the simulator treats pacing violations (§5.3). */
public enum PacingMode { OFF, RECORD, ENFORCE }
