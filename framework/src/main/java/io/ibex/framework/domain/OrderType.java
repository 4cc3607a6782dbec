package io.ibex.framework.domain;

/** Order types shared by the backtest engine and the IBKR adapter; names are the gateway's {@code orderType} values. */
public enum OrderType { MKT, LMT, STP, STOP_LIMIT }
