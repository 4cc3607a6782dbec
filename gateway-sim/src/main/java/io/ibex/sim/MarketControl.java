package io.ibex.sim;

/** Control of one instrument's market path (§3.3): halt, closed, freeze, step mode. */
public final class MarketControl {
    private final GatewaySimulator sim;
    private final long conid;

    MarketControl(GatewaySimulator sim, long conid) {
        this.sim = sim;
        this.conid = conid;
    }

    public MarketControl halt() { return with(m -> m.halted = true); }

    public MarketControl resume() {
        with(m -> m.halted = false);
        return rematch();
    }

    /** Forces the market closed (true) or open (false), overriding RTH. */
    public MarketControl setClosed(boolean closed) {
        with(m -> m.closedOverride = closed);
        return rematch();
    }

    /** Back to RTH-computed open/closed. */
    public MarketControl followRth() { return with(m -> m.closedOverride = null); }

    /** The cursor stops; {@code _updated} stays put and 6509 reads "ZpB". */
    public MarketControl freeze() { return with(m -> m.frozen = true); }

    public MarketControl unfreeze() {
        with(m -> m.frozen = false);
        synchronized (sim.lock) { sim.onTime(); }
        return this;
    }

    /** Step mode: moves the cursor one tick and runs matching. */
    public MarketControl step() {
        synchronized (sim.lock) {
            Market m = sim.marketOf(conid);
            if (m.cursor + 1 >= m.ticks.length) throw new IllegalStateException("conid " + conid + " has no tick after " + m.cursor);
            sim.moveCursor(m, m.cursor + 1, sim.nowMillis());
        }
        return this;
    }

    /** Step mode: moves the cursor straight to tick {@code index} (forward or back, no tick in between) and runs matching. */
    public MarketControl jumpTo(int index) {
        synchronized (sim.lock) {
            Market m = sim.marketOf(conid);
            if (index < 0 || index >= m.ticks.length) throw new IllegalArgumentException("tick index " + index + " outside 0.." + (m.ticks.length - 1));
            sim.moveCursor(m, index, sim.nowMillis());
        }
        return this;
    }

    public MarketControl stepTo(int index) {
        synchronized (sim.lock) {
            Market m = sim.marketOf(conid);
            if (index < 0 || index >= m.ticks.length) throw new IllegalArgumentException("tick index " + index + " outside 0.." + (m.ticks.length - 1));
            while (m.cursor < index) sim.moveCursor(m, m.cursor + 1, sim.nowMillis());
            if (m.cursor > index) sim.moveCursor(m, index, sim.nowMillis());
        }
        return this;
    }

    /** Leaves these snapshot fields out of later responses. */
    public MarketControl omit(String... fields) {
        return with(m -> m.omitted.addAll(java.util.List.of(fields)));
    }

    public int cursor() {
        synchronized (sim.lock) { return sim.marketOf(conid).cursor; }
    }

    public Tick current() {
        synchronized (sim.lock) { return sim.marketOf(conid).current(); }
    }

    private MarketControl rematch() {
        synchronized (sim.lock) { sim.matcher.run(sim.marketOf(conid)); }
        return this;
    }

    private MarketControl with(java.util.function.Consumer<Market> change) {
        synchronized (sim.lock) { change.accept(sim.marketOf(conid)); }
        return this;
    }
}
