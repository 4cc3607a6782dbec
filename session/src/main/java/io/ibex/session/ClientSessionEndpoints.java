package io.ibex.session;

import feign.FeignException;
import feign.RetryableException;
import io.ibex.gateway.GatewayClient;
import io.ibex.gateway.GatewayException;
import io.ibex.gateway.GatewaySessionExpiredException;
import io.ibex.gateway.GatewayUnreachableException;
import io.ibex.gateway.GetOnlyRetryer;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@link SessionEndpoints} over the Feign {@link GatewayClient}: the keeper's production adapter. The raw tickle body is
 * classified here because only it tells a {@code {"error":"no session"}} apart from a lapsed brokerage session.
 */
public final class ClientSessionEndpoints implements SessionEndpoints {
    private static final AuthStatus DOWN = new AuthStatus(false, false, false);
    private final GatewayClient client;

    public ClientSessionEndpoints(GatewayClient client) { this.client = Objects.requireNonNull(client, "client"); }

    @Override public TickleStatus tickle() {
        try {
            return TickleClassifier.classify(200, call(() -> client.api().session().tickle("{}")));
        } catch (GatewaySessionExpiredException e) {
            return new TickleStatus.NoSession();
        } catch (GatewayUnreachableException e) {
            return new TickleStatus.Refused(e.getMessage());
        } catch (GatewayException e) {
            return new TickleStatus.Unexpected(e.status(), e.getMessage());
        }
    }

    @Override public AuthStatus authStatus() { return status(() -> client.api().session().authStatus("{}")); }

    @Override public AuthStatus initBrokerage(boolean compete) {
        return status(() -> client.api().session().ssodhInit("{\"publish\":true,\"compete\":" + compete + "}"));
    }

    /** Throws the client's typed exception when the call fails: the keeper treats that as "session in doubt". */
    @Override public void accounts() { client.brokerageAccounts(); }

    /** {@code POST /logout}: ends the brokerage session; true when the gateway confirmed. */
    public boolean logout() {
        try {
            return call(() -> client.api().session().logout("{}")).contains("true");
        } catch (GatewayException e) {
            return false;
        }
    }

    private AuthStatus status(Supplier<String> call) {
        try {
            return TickleClassifier.parseAuthStatus(call(call));
        } catch (GatewayException e) {
            return DOWN;
        }
    }

    private static String call(Supplier<String> call) {
        try {
            return call.get();
        } catch (RetryableException e) {
            throw GetOnlyRetryer.unwrap(e);
        } catch (GatewayException e) {
            throw e;
        } catch (FeignException e) {
            throw new GatewayException(e.status(), "session", e.getMessage(), "check the gateway");
        }
    }
}
