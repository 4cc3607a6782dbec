package io.ibex.live.runner;

import io.ibex.framework.domain.ClientOrderId;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.domain.OrderType;
import io.ibex.framework.domain.Side;

import java.math.BigDecimal;

/** One row of the live run's orders.csv, in the backtest's format (DESIGN.md); {@code instrument} is its symbol column. */
public record OrderLogRow(long timeMillis, ClientOrderId orderId, String event, Side side, BigDecimal quantity, OrderType type,
                          BigDecimal price, BigDecimal commission, String note, Instrument instrument) {}
