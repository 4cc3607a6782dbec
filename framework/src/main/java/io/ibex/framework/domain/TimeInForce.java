package io.ibex.framework.domain;

/** Time in force, as sent to IBKR. */
public enum TimeInForce { DAY, GTC }
