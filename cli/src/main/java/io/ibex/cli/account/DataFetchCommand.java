package io.ibex.cli.account;

import feign.FeignException;
import feign.RetryableException;
import io.ibex.data.H2BarStore;
import io.ibex.data.ImportResult;
import io.ibex.framework.domain.Bars;
import io.ibex.framework.domain.Instrument;
import io.ibex.framework.error.ConfigException;
import io.ibex.framework.error.IbexException;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayException;
import io.ibex.gateway.GatewayProtocolException;
import io.ibex.gateway.GatewaySessionExpiredException;
import io.ibex.gateway.GetOnlyRetryer;
import io.ibex.gateway.HistoryParser;
import io.ibex.gateway.NoBridgeException;
import io.ibex.live.history.HistoryFetcher;
import io.ibex.live.history.HistoryRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code ibex data fetch SYM --period 1y --bar 1d [--gateway URL|sim] [--db PATH]}: history from the gateway into the
 * bar store. Registered under {@code ibex data} by the cli module (the data module cannot see live-runner).
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
    description = {"Fetch bars from the IBKR gateway's history into the bar store.",
        "Pages back 1000 bars at a time, at most 5 requests in flight; fetching the same bars again changes nothing.",
        "--gateway sim serves the shipped AAPL 2013 daily sample."})
public final class DataFetchCommand implements Callable<Integer> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Spec CommandSpec spec;
    @Mixin GatewayClientOptions options;

    @Parameters(paramLabel = "SYM", description = "Symbol (US stock) or conid, e.g. AAPL.")
    String symbol;

    @Option(names = "--period", defaultValue = "1y", paramLabel = "P",
        description = "How far back: 30min, 8h, 10d, 4w, 6mo, 1y ... (default ${DEFAULT-VALUE}).")
    String period;

    @Option(names = "--bar", defaultValue = "1d", paramLabel = "SIZE",
        description = "Bar size, as for data import: 1m 5m 15m 30m 1h 4h 1d 1w (default ${DEFAULT-VALUE}).")
    String bar;

    @Option(names = "--db", paramLabel = "PATH|URL",
        description = "Bar store: a file path or jdbc: URL (default: $IBEX_DB, else ~/.ibex/ibex).")
    String db;

    /** A progress line is on stderr without its newline yet. */
    private volatile boolean progressOpen;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            HistoryRequest request = HistoryRequest.parse(period, bar);
            try (GatewaySession session = "sim".equalsIgnoreCase(options.gateway.trim())
                    ? HistorySimulator.start(GatewayClientCommand.clock) : GatewaySession.open(options, GatewayClientCommand.clock)) {
                return fetch(session.client(), request, out, err);
            }
        } catch (GatewaySessionExpiredException | NoBridgeException e) {
            return fail(err, e, GatewayClientCommand.NEEDS_LOGIN);
        } catch (ConfigException | IllegalArgumentException e) {
            return fail(err, e, GatewayClientCommand.BAD_INPUT);
        } catch (IbexException e) {
            return fail(err, e, GatewayClientCommand.FAILED);
        }
    }

    private int fetch(GatewayClient client, HistoryRequest request, PrintWriter out, PrintWriter err) {
        long started = System.nanoTime();
        client.brokerageAccounts(); // IBKR: /iserver/accounts before other /iserver calls
        long conid = client.resolveConid(symbol);
        String sym = symbol.trim().toUpperCase(Locale.ROOT);
        Instrument instrument = Instrument.of(sym);
        String source = "ibkr:history:" + conid;
        int[] requests = {0};
        Bars bars = HistoryFetcher.fetch(instrument, source, request, (p, start) -> page(client, conid, instrument, request, p, start),
            (done, total, n) -> {
                requests[0] = total;
                synchronized (err) {
                    err.print("\rfetching " + sym + " " + request.bar() + " bars for " + request.period() + ": " + done + "/" + total
                        + " requests, " + n + " bars");
                    err.flush();
                    progressOpen = true;
                }
            });
        endProgress(err);
        if (bars.size() == 0) {
            err.println("ibex data fetch: the gateway has no " + request.bar() + " bars of " + sym + " (conid " + conid
                + ") in the last " + request.period() + " (it answered \"No data.\"); try another --period or --bar");
            err.flush();
            return GatewayClientCommand.FAILED;
        }
        try (H2BarStore store = H2BarStore.open(db)) {
            ImportResult r = store.importBars(bars, request.barSize());
            long ms = (System.nanoTime() - started) / 1_000_000;
            String range = DAY.format(Instant.ofEpochMilli(bars.time(0))) + " .. " + DAY.format(Instant.ofEpochMilli(bars.time(bars.size() - 1)));
            if (r.alreadyImported())
                out.printf("fetched %d bars of %s (%s, %s): already in %s (import #%d, same content), nothing changed%n",
                    bars.size(), r.series(), range, plural(requests[0]), store.location(), r.importId());
            else
                out.printf("fetched %d bars of %s (%s, %s) into %s: %d new, %d updated, %d unchanged (%d ms)%n",
                    bars.size(), r.series(), range, plural(requests[0]), store.location(), r.inserted(), r.updated(), r.unchanged(), ms);
            out.flush();
            return 0;
        }
    }

    /** One history request through the client's transport (pinned TLS, rate limiter); "No data." is no bars. */
    private static Bars page(GatewayClient client, long conid, Instrument instrument, HistoryRequest request, String p, String start) {
        try {
            return HistoryParser.parse(client.api().marketData().historyPage(conid, p, request.bar(), start), instrument, conid);
        } catch (RetryableException e) {
            return noDataOrThrow(GetOnlyRetryer.unwrap(e), instrument, conid);
        } catch (GatewayException e) {
            return noDataOrThrow(e, instrument, conid);
        } catch (FeignException e) {
            throw new GatewayProtocolException("/iserver/marketdata/history", e.getMessage());
        }
    }

    private static Bars noDataOrThrow(RuntimeException e, Instrument instrument, long conid) {
        if (e instanceof GatewayException g && g.gatewayMessage() != null && g.gatewayMessage().toLowerCase(Locale.ROOT).contains("no data"))
            return Bars.builder(instrument, "ibkr:history:" + conid).build();
        throw e;
    }

    private static String plural(int requests) { return requests + (requests == 1 ? " request" : " requests"); }

    private void endProgress(PrintWriter err) {
        if (progressOpen) err.println();
        progressOpen = false;
        err.flush();
    }

    private int fail(PrintWriter err, Exception e, int code) {
        endProgress(err);
        err.println("ibex data fetch: " + e.getMessage());
        err.flush();
        return code;
    }
}
