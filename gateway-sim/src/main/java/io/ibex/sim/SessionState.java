package io.ibex.sim;

/** The session states of gateway-simulator.md §3.1. */
public enum SessionState { NOT_RUNNING, UNAUTHENTICATED, AUTHENTICATED, BROKERAGE_DOWN, COMPETING, EXPIRED }
