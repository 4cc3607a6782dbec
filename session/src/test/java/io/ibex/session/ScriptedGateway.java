package io.ibex.session;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal stateful stand-in for the gateway's session tier (the simulator's §3.1 table), used until the real
 * simulator is merged. It records every call so tests can assert the order of calls.
 */
final class ScriptedGateway implements SessionEndpoints, Authenticator {
    enum S { DOWN, UNAUTHENTICATED, AUTHENTICATED, BROKERAGE_DOWN, COMPETING }

    S session = S.AUTHENTICATED;
    final List<String> calls = new ArrayList<>();
    final List<LoginResult> loginScript = new ArrayList<>();

    @Override public TickleStatus tickle() {
        calls.add("tickle");
        return switch (session) {
            case DOWN -> new TickleStatus.Refused("Connection refused");
            case UNAUTHENTICATED -> new TickleStatus.NoSession();
            case AUTHENTICATED -> new TickleStatus.Healthy("abc");
            case BROKERAGE_DOWN -> new TickleStatus.NotAuthenticated(true);
            case COMPETING -> new TickleStatus.Competing();
        };
    }

    @Override public AuthStatus authStatus() { calls.add("authStatus"); return status(); }

    @Override public AuthStatus initBrokerage(boolean compete) {
        calls.add("init:" + compete);
        if (session == S.BROKERAGE_DOWN || (session == S.COMPETING && compete)) session = S.AUTHENTICATED;
        return status();
    }

    @Override public void accounts() { calls.add("accounts"); }

    @Override public LoginResult login() {
        calls.add("login");
        LoginResult r = loginScript.isEmpty() ? new LoginResult.Succeeded() : loginScript.remove(0);
        if (r instanceof LoginResult.Succeeded) session = S.AUTHENTICATED;
        return r;
    }

    long count(String call) { return calls.stream().filter(call::equals).count(); }

    private AuthStatus status() {
        return new AuthStatus(session == S.AUTHENTICATED, session != S.UNAUTHENTICATED && session != S.DOWN,
            session == S.COMPETING);
    }
}
