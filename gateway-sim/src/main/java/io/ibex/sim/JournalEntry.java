package io.ibex.sim;

import java.util.Map;

/**
 * One request and what the simulator answered (§5.5). {@code path} is relative to {@code /v1/api} (or the full path
 * for {@code /__sim} and other non-API paths); {@code status} is 0 when the connection was dropped, reset or hung.
 */
public record JournalEntry(long seq, long wallTimeMillis, long simTimeMillis, String method, String path, String query,
                           Map<String, String> headers, String body, int status, String responseBody, String faultApplied,
                           long epoch, SessionState sessionState, long elapsedMillis) {}
