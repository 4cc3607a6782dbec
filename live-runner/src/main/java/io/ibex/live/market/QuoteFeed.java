package io.ibex.live.market;

import java.util.function.Consumer;

/** Where the live loop gets its quotes on each pass: snapshot polling, or the WebSocket stream with polling as fall-back. */
@FunctionalInterface
public interface QuoteFeed {
    /** Hands the quotes of this pass to {@code sink}; returns how many gateway calls or stream messages that took. */
    int poll(Consumer<Quote> sink);
}
