package io.ibex.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator's domain clock. In manual mode time moves only through {@link #advance} and {@link #setTo}; each move
 * notifies the simulators listening so that they run due timers and move their market. The system clock follows the
 * wall clock; simulators poll it on every request and from a ticker thread.
 */
public final class SimClock implements InstantSource {
    private final boolean manual;
    private volatile long millis;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private SimClock(boolean manual, long millis) {
        this.manual = manual;
        this.millis = millis;
    }

    public static SimClock manual(Instant start) {
        return new SimClock(true, Objects.requireNonNull(start, "start").toEpochMilli());
    }

    public static SimClock system() { return new SimClock(false, 0); }

    public boolean isManual() { return manual; }

    @Override public Instant instant() { return Instant.ofEpochMilli(millis()); }

    @Override public long millis() { return manual ? millis : System.currentTimeMillis(); }

    /** Moves a manual clock forward and runs every listening simulator's due timers. */
    public void advance(Duration d) {
        Objects.requireNonNull(d, "d");
        if (d.isNegative()) throw new IllegalArgumentException("the simulator clock cannot go back: advance(" + d + ")");
        setTo(Instant.ofEpochMilli(millis() + d.toMillis()));
    }

    public void setTo(Instant t) {
        Objects.requireNonNull(t, "t");
        if (!manual) throw new IllegalStateException("SimClock.system() follows the wall clock; use SimClock.manual(..) to move time");
        if (t.toEpochMilli() < millis)
            throw new IllegalArgumentException("the simulator clock cannot go back: " + instant() + " -> " + t);
        synchronized (this) { millis = t.toEpochMilli(); }
        for (Runnable l : listeners) l.run();
    }

    void addListener(Runnable l) { listeners.add(l); }

    void removeListener(Runnable l) { listeners.remove(l); }

    @Override public String toString() { return (manual ? "manual:" : "system:") + instant(); }
}
