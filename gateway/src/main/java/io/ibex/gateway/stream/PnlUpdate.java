package io.ibex.gateway.stream;

import java.util.OptionalDouble;

/**
 * One account partition of an {@code spl} push ({@code {"U123.Core":{"dpl":..,"upl":..,"nl":..}}}).
 *
 * @param partition e.g. {@code DU1234567.Core}
 */
public record PnlUpdate(String partition, OptionalDouble dailyPnl, OptionalDouble unrealizedPnl, OptionalDouble netLiquidation) {}
