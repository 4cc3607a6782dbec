package io.ibex.session;

import io.ibex.framework.error.BrokerException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.Objects;

/**
 * {@link SessionEndpoints} over the raw {@link GatewayHttp}, for {@code ibex doctor}, which also needs response headers.
 * Everything else uses {@link ClientSessionEndpoints} over the Feign client.
 */
public final class HttpSessionEndpoints implements SessionEndpoints {
    private static final AuthStatus DOWN = new AuthStatus(false, false, false);
    private final GatewayHttp http;

    public HttpSessionEndpoints(GatewayHttp http) { this.http = Objects.requireNonNull(http, "http"); }

    @Override public TickleStatus tickle() {
        try {
            GatewayHttp.Reply r = http.post("/tickle", "{}");
            return TickleClassifier.classify(r.status(), r.body());
        } catch (ConnectException e) {
            return new TickleStatus.Refused("connection refused");
        } catch (javax.net.ssl.SSLException e) {
            return new TickleStatus.Unexpected(0, "TLS failed (" + e.getMessage() + "); is the pinned certificate the gateway's?");
        } catch (IOException e) {
            return new TickleStatus.Refused(e.getClass().getSimpleName());
        }
    }

    @Override public AuthStatus authStatus() { return status("/iserver/auth/status", "{}"); }

    @Override public AuthStatus initBrokerage(boolean compete) {
        return status("/iserver/auth/ssodh/init", "{\"publish\":true,\"compete\":" + compete + "}");
    }

    @Override public void accounts() {
        try {
            GatewayHttp.Reply r = http.get("/iserver/accounts");
            if (r.status() != 200) throw new BrokerException("GET /iserver/accounts answered HTTP " + r.status()
                + " right after authentication; the session is not usable yet, ibex will retry");
        } catch (IOException e) {
            throw new BrokerException("GET /iserver/accounts failed: " + e.getMessage(), e);
        }
    }

    private AuthStatus status(String path, String body) {
        try {
            GatewayHttp.Reply r = http.post(path, body);
            return r.status() == 200 ? TickleClassifier.parseAuthStatus(r.body()) : DOWN;
        } catch (IOException e) {
            return DOWN;
        }
    }
}
