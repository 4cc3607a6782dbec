package io.ibex.cli.account;

import io.ibex.framework.error.ConfigException;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayClock;
import io.ibex.gateway.GatewayRateLimiter;
import io.ibex.gateway.GatewayTransport;
import io.ibex.gateway.GatewayUrlPolicy;
import io.ibex.gateway.PinnedTls;

import io.ibex.gateway.stream.GatewayStream;
import io.ibex.gateway.stream.StreamConfig;
import io.ibex.gateway.stream.StreamListener;

import javax.net.ssl.SSLContext;
import java.time.InstantSource;
import java.net.URI;
import java.time.Duration;

/** One command's connection to the gateway (or to the in-process simulator with {@code --gateway sim}). */
public final class GatewaySession implements AutoCloseable {
    private final GatewayClient client;
    private final URI root;
    private final SSLContext ssl;
    private final AutoCloseable owned;

    private GatewaySession(GatewayClient client, URI root, SSLContext ssl, AutoCloseable owned) {
        this.client = client;
        this.root = root;
        this.ssl = ssl;
        this.owned = owned;
    }

    static GatewaySession open(GatewayClientOptions options, GatewayClock clock) {
        if (isSimulator(options.gateway)) return SimulatorLauncher.start(clock);
        URI root = GatewayUrlPolicy.check(options.gateway, options.allowRemote);
        return connect(root, PinnedTls.fromPem(options.certPath()), clock, null);
    }

    static GatewaySession connect(URI root, SSLContext ssl, GatewayClock clock, AutoCloseable owned) {
        GatewayTransport.Apis apis = GatewayTransport.build(root, ssl, clock, GatewayRateLimiter.ibkrDefaults(clock),
            Duration.ofSeconds(5), Duration.ofSeconds(20));
        return new GatewaySession(new GatewayClient(apis, clock), root, ssl, owned);
    }

    /** The in-process simulator of {@code --gateway sim}, for commands outside this package ({@code auth status}). */
    public static GatewaySession simulator(GatewayClock clock) { return SimulatorLauncher.start(clock); }

    /** Whether a {@code --gateway} value means the in-process simulator. */
    public static boolean isSimulator(String gateway) { return gateway != null && "sim".equalsIgnoreCase(gateway.trim()); }

    public GatewayClient client() { return client; }

    /** The gateway's WebSocket, pinned like the REST client, its cookie from a tickle of this session. */
    GatewayStream stream(InstantSource clock, StreamListener listener) {
        return new GatewayStream(root, ssl, client::sessionId, clock, StreamConfig.defaults(), listener);
    }

    @Override
    public void close() {
        if (owned == null) return;
        try {
            owned.close();
        } catch (Exception e) {
            throw new ConfigException("could not stop the gateway simulator: " + e.getMessage());
        }
    }
}
