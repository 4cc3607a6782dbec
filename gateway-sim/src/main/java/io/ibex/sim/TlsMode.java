package io.ibex.sim;

/** What the simulator's listener speaks. */
public enum TlsMode {
    /** A fresh self-signed cert per start: CN=localhost, SAN DNS:localhost, IP:127.0.0.1, valid one day. */
    GENERATED,
    /** Imitates the gateway's shipped cert: CN="Client Portal Web API", no SAN, already expired. */
    SHIPPED_STYLE,
    /** Plain HTTP, for debugging only. */
    PLAIN_HTTP
}
