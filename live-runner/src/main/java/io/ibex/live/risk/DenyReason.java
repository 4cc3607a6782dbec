package io.ibex.live.risk;

/** Reason codes of a risk denial; stable names, printed and journaled. */
public enum DenyReason {
    INVALID_QUANTITY, INVALID_PRICE, KILL_SWITCH, FROZEN_INSTRUMENT, DISCONNECTED, STALE_DATA, PRIOR_CLOSE,
    HALTED_INSTRUMENT, PRICE_COLLAR, MAX_ORDER_VALUE, MAX_POSITION, ORDER_RATE, DAILY_LOSS
}
