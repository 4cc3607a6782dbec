package io.ibex.live.torture;

import io.ibex.live.journal.JournalIntent;
import io.ibex.live.journal.OrderJournal;
import io.ibex.sim.Account;
import io.ibex.sim.GatewaySimulator;
import io.ibex.sim.JournalEntry;
import io.ibex.sim.PacingMode;
import io.ibex.sim.Route;
import io.ibex.sim.SessionState;
import io.ibex.sim.SimClock;
import io.ibex.sim.SimInstrument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of a real {@code ibex live} (issue 17.4): the picocli command ({@code LiveCommand}) runs in a child JVM against
 * the gateway simulator in THIS JVM over pinned HTTPS, trading {@code torture-flip} (an order every 1 s bar); it is
 * SIGKILLed at a seeded random moment (0.5-4 s) after it reconciled, then started again on the same journal, {@link #KILLS} times.
 * The simulator outlives every child, so its request log is the ground truth. After every kill: every cOID the
 * simulator saw POSTed is an intent in the journal, committed with at least as many attempts as it was POSTed (journal
 * before send), no cOID has more than one order at the simulator, and the journal's cOIDs are unique and gap-free.
 * {@code -Ptorture} sets {@code torture.kills} to 100.
 */
class LiveKillTortureTest {
    static final int KILLS = Integer.getInteger("torture.kills", 5);
    static final long SEED = Long.getLong("fault.seed", 20261202L);
    static final Route ORDER_POST = Route.post("/iserver/account/*/orders");
    static final Pattern COID = Pattern.compile("\"cOID\"\\s*:\\s*\"([^\"]+)\"");
    static final Duration NEVER = Duration.ofDays(36_500);

    final List<Long> startupMillis = new ArrayList<>();
    @TempDir Path dir;
    GatewaySimulator sim;
    Path pem;

    @BeforeEach void start() {
        sim = GatewaySimulator.builder().clock(SimClock.system()).pacing(PacingMode.OFF)
            .initialSession(SessionState.AUTHENTICATED).account(Account.paper("DU7654321").cash("USD", 1_000_000))
            .instrument(SimInstrument.aapl()).nightlyReset(null).brokerageIdleTimeout(NEVER).ssoIdleTimeout(NEVER)
            .maxSessionAge(NEVER).start();
        sim.market(SimInstrument.aapl().conid()).setClosed(false);
        pem = sim.writeCertificatePem(dir.resolve("gateway.pem"));
    }

    @AfterEach void stop() { sim.close(); }

    @Test
    void killNineOfALiveRunnerNeverLosesAPostedIntentNorPostsAnIntentTwice() throws Exception {
        Path run = dir.resolve("run");
        SplittableRandom rnd = new SplittableRandom(SEED);
        int posted = 0;
        for (int k = 1; k <= KILLS; k++) {
            List<String> out = runAndKill(run, 500 + rnd.nextInt(3500));
            assertThat(out).as("seed %d kill %d: the child reconciled", SEED, k).anyMatch(l -> l.startsWith("reconciled:"));
            Map<String, Integer> posts = postsPerCoid();
            try (OrderJournal j = OrderJournal.open(run.resolve("journal"), "ibex", InstantSource.system())) {
                assertThat(problems(j, posts)).as("seed %d kill %d, child said %s", SEED, k, tail(out)).isEmpty();
            }
            posted = posts.size();
            System.out.printf("live kill torture: kill %d/%d, %d cOIDs POSTed so far, all in the journal%n", k, KILLS, posted);
        }
        assertThat(posted).as("the children must have POSTed orders, or this proves nothing").isGreaterThanOrEqualTo(KILLS);
        System.out.printf("live kill torture: %d kills, %d cOIDs POSTed, %d order POSTs, 0 missing, 0 duplicates (seed %d);"
            + " start to reconciled %s ms%n", KILLS, posted, sim.journal().count(ORDER_POST), SEED, startupMillis);
    }

    /** cOID -> how many order POSTs carried it. */
    Map<String, Integer> postsPerCoid() {
        Map<String, Integer> m = new HashMap<>();
        for (JournalEntry e : sim.journal().matching(ORDER_POST)) {
            Matcher x = COID.matcher(e.body() == null ? "" : e.body());
            while (x.find()) m.merge(x.group(1), 1, Integer::sum);
        }
        return m;
    }

    List<String> problems(OrderJournal j, Map<String, Integer> posts) {
        List<String> p = new ArrayList<>();
        Map<String, JournalIntent> byCoid = new HashMap<>();
        long seq = 1;
        for (JournalIntent i : j.intents()) {
            if (byCoid.put(i.id().value(), i) != null) p.add("duplicate cOID in the journal: " + i.id());
            if (i.seq() != seq) p.add("sequence gap: " + i.seq() + " where " + seq + " was due");
            seq = i.seq() + 1;
        }
        for (Map.Entry<String, Integer> e : posts.entrySet()) {
            JournalIntent i = byCoid.get(e.getKey());
            if (i == null) p.add("POSTed cOID " + e.getKey() + " is not in the journal");
            else if (i.attempts() < e.getValue())
                p.add("cOID " + e.getKey() + " POSTed " + e.getValue() + "x but the journal committed " + i.attempts() + " attempt(s)");
            int orders = sim.orders().withCoid(e.getKey()).size();
            if (orders > 1) p.add("cOID " + e.getKey() + " has " + orders + " orders at the simulator");
        }
        return p;
    }

    /** Starts {@code ibex live} in a child JVM, waits until it reconciled, lets it trade {@code millis}, then SIGKILLs it. */
    List<String> runAndKill(Path run, long millis) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> argv = List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx192m", "-Xshare:auto",
            "-cp", System.getProperty("java.class.path"), LiveCommandChild.class.getName(),
            "--gateway", sim.rootUrl(), "--gateway-cert", pem.toString(), "--strategy", "torture-flip", "--symbol", "AAPL",
            "--bar", "1s", "--no-stream", "--out", run.toString());   // durability, not streaming: poll
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch reconciled = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                    if (l.startsWith("reconciled:")) reconciled.countDown();
                }
            } catch (IOException e) {
                // the pipe breaks when the child dies: what it printed before is in lines
            }
        });
        reader.start();
        try {
            if (!reconciled.await(90, TimeUnit.SECONDS)) throw new AssertionError("child never reconciled: " + tail(lines));
            startupMillis.add((System.nanoTime() - t0) / 1_000_000);
            Thread.sleep(millis);   // the kill point: a seeded random moment of trading
        } finally {
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            reader.join(10_000);
        }
        return List.copyOf(lines);
    }

    static List<String> tail(List<String> lines) {
        List<String> copy;
        synchronized (lines) { copy = new ArrayList<>(lines); }
        return copy.subList(Math.max(0, copy.size() - 15), copy.size());
    }
}
