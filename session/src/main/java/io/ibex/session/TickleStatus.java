package io.ibex.session;

/** One {@code POST /tickle}, classified (ibkr-gateway.md §2.4). */
public sealed interface TickleStatus {
    /** Connection refused or reset: the gateway is down. */
    record Refused(String detail) implements TickleStatus {}
    /** 401, or a 2xx whose body is {@code {"error":"no session"}}: no SSO session, a browser login is needed. */
    record NoSession() implements TickleStatus {}
    /** connected, authenticated, not competing. {@code hmds.error:"no bridge"} does not matter here. */
    record Healthy(String sessionId) implements TickleStatus {}
    /** Another platform holds the brokerage session. */
    record Competing() implements TickleStatus {}
    /** SSO session alive but no brokerage session (idle timeout, logout): {@code ssodh/init} fixes it. */
    record NotAuthenticated(boolean connected) implements TickleStatus {}
    /** Anything else (5xx during the nightly outage, 429, unparsable body). */
    record Unexpected(int httpStatus, String detail) implements TickleStatus {}
}
