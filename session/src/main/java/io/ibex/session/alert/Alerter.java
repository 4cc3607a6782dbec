package io.ibex.session.alert;

import io.ibex.session.AlertSink;
import io.ibex.session.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends operator alerts to the console and to every configured {@link AlertChannel}, without ever blocking the caller:
 * <ul>
 *   <li>every message is redacted first (password, tokens, account ids become {@code U1****67});</li>
 *   <li>an event that is already raised for the same subject is not sent again until it is resolved or
 *       {@link Settings#repeatAfter()} has passed, and a resolve is sent only for an event that was raised;</li>
 *   <li>at most {@link Settings#maxPerWindow()} alerts go to the channels per {@link Settings#window()} (the console
 *       still gets each one), so a flapping condition cannot flood a phone;</li>
 *   <li>delivery runs on one daemon thread with a bounded queue; a failed delivery is tried
 *       {@link Settings#attempts()} times in all, then given up with one console line.</li>
 * </ul>
 */
public final class Alerter implements AlertSink, AutoCloseable {
    /** How alerts are paced. */
    public record Settings(Duration repeatAfter, int maxPerWindow, Duration window, int attempts, Duration retryDelay) {
        public static Settings defaults() {
            return new Settings(Duration.ofHours(1), 20, Duration.ofHours(1), 3, Duration.ofSeconds(2));
        }
    }

    /** Waits between delivery attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private static final int RECENT = 50;

    private final List<AlertChannel> channels;
    private final AlertSink console;
    private final Redactor redactor;
    private final InstantSource clock;
    private final Settings settings;
    private final Sleeper sleeper;
    private final ThreadPoolExecutor delivery;
    private final Map<String, Instant> active = new HashMap<>();
    private final Deque<Instant> sentInWindow = new ArrayDeque<>();
    private final Deque<Alert> recent = new ArrayDeque<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long suppressed;
    private boolean capNoticeShown;
    private volatile String account = "";
    private volatile String runner;

    public Alerter(List<AlertChannel> channels, AlertSink console, Redactor redactor, InstantSource clock, String runner,
                   Settings settings, Sleeper sleeper) {
        this.channels = List.copyOf(channels);
        this.console = Objects.requireNonNull(console, "console");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.runner = runner == null ? "" : runner;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.delivery = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "ibex-alerts");
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.DiscardOldestPolicy());
    }

    /** Console only: what a command prints when no channel is configured. */
    public static Alerter consoleOnly(AlertSink console, String runner) {
        return new Alerter(List.of(), console, Redactor.none(), InstantSource.system(), runner, Settings.defaults(), Thread::sleep);
    }

    /** The account the alerts are about, masked on the way in; set once {@code /iserver/accounts} answered. */
    public void account(String accountId) { this.account = accountId == null ? "" : redactor.redact(accountId); }

    public void runner(String name) { this.runner = name == null ? "" : name; }

    @Override public void alert(String message) { raise(AlertEvent.OPERATOR, "", message); }

    @Override public void notice(String message) { console.notice(redactor.redact(message)); }

    @Override public void raise(AlertEvent event, String subject, String message) {
        Alert a = build(event.level(), event, subject, message);
        if (!firstRaise(a)) return;
        if (event.consoleNotice()) console.notice(a.message());
        else console.alert(a.message());
        if (admitToChannels(a)) deliver(a);
    }

    @Override public void resolve(AlertEvent event, String subject, String message) {
        Alert a = build(Alert.Level.RESOLVED, event, subject, message);
        synchronized (this) {
            if (active.remove(key(event, a.subject())) == null) return;
            remember(a);
        }
        console.notice("resolved: " + a.message());
        if (admitToChannels(a)) deliver(a);
    }

    /** The last alerts raised or resolved, oldest first (for the dashboard). */
    public synchronized List<Alert> recent() { return new ArrayList<>(recent); }

    /** Raised events not resolved yet. */
    public synchronized int activeCount() { return active.size(); }

    public long delivered() { return delivered.get(); }

    public long failedDeliveries() { return failed.get(); }

    public synchronized long suppressed() { return suppressed; }

    /** Waits up to {@code timeout} for queued alerts to go out (on exit), then stops the delivery thread. */
    @Override public void close() { close(Duration.ofSeconds(10)); }

    public void close(Duration timeout) {
        delivery.shutdown();
        try {
            if (!delivery.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) delivery.shutdownNow();
        } catch (InterruptedException e) {
            delivery.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private Alert build(Alert.Level level, AlertEvent event, String subject, String message) {
        return new Alert(level, event, redactor.redact(subject), redactor.redact(message), clock.instant(), account, runner);
    }

    /** False for a repeat of an event that is still raised for the same subject (within {@code repeatAfter}). */
    private synchronized boolean firstRaise(Alert a) {
        String key = key(a.event(), a.subject());
        Instant since = active.get(key);
        if (since != null && a.time().isBefore(since.plus(settings.repeatAfter()))) {
            suppressed++;
            return false;
        }
        active.put(key, a.time());
        remember(a);
        return true;
    }

    /** The rate cap over every channel; the first alert over it says so once on the console. */
    private synchronized boolean admitToChannels(Alert a) {
        if (channels.isEmpty()) return false;
        Instant cut = a.time().minus(settings.window());
        while (!sentInWindow.isEmpty() && sentInWindow.peekFirst().isBefore(cut)) sentInWindow.pollFirst();
        if (sentInWindow.size() >= settings.maxPerWindow()) {
            suppressed++;
            if (!capNoticeShown) {
                capNoticeShown = true;
                console.notice("alerts: " + settings.maxPerWindow() + " sent in the last " + settings.window().toMinutes()
                    + " min; more go to this console only");
            }
            return false;
        }
        capNoticeShown = false;
        sentInWindow.addLast(a.time());
        return true;
    }

    private void remember(Alert a) {
        recent.addLast(a);
        while (recent.size() > RECENT) recent.pollFirst();
    }

    private void deliver(Alert a) {
        delivery.execute(() -> {
            for (AlertChannel c : channels) sendWithRetries(c, a);
        });
    }

    private void sendWithRetries(AlertChannel channel, Alert a) {
        Duration wait = settings.retryDelay();
        for (int attempt = 1; ; attempt++) {
            try {
                channel.send(a);
                delivered.incrementAndGet();
                return;
            } catch (AlertChannel.DeliveryException e) {
                if (!e.retryable() || attempt >= settings.attempts()) {
                    failed.incrementAndGet();
                    console.notice("alert to " + channel.describe() + " not delivered (" + e.getMessage() + "; "
                        + attempt + (attempt == 1 ? " try" : " tries") + ")");
                    return;
                }
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            wait = wait.multipliedBy(2);
        }
    }

    private static String key(AlertEvent event, String subject) { return event.id() + "|" + subject; }
}
