package io.ibex.sim;

/** Why a session entered EXPIRED. */
public enum ExpiryReason { MAX_AGE, NIGHTLY_RESET, SSO_IDLE, MANUAL }
