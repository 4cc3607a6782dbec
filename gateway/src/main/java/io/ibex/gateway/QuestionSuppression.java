package io.ibex.gateway;

import io.ibex.framework.error.ConfigException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /iserver/questions/suppress} with the allowed message ids (ibkr-gateway.md §6.3). The gateway keeps the
 * list only for the current brokerage session, so this runs at session start and after every re-login, always with the
 * whole list (at most 51 ids). A question that is not on the list is still asked and, unless the order's
 * {@link QuestionPolicy} allows it, fails the order closed with its text.
 */
public final class QuestionSuppression implements Runnable {
    public static final int MAX_IDS = 51;

    private final GatewayClient client;
    private final List<String> ids;

    public QuestionSuppression(GatewayClient client, Set<String> allowed) {
        this.client = client;
        if (allowed.size() > MAX_IDS)
            throw new ConfigException("question suppression: the gateway takes at most " + MAX_IDS + " message ids, got " + allowed.size());
        for (String id : allowed)
            if (id == null || !id.matches("[a-z]\\d{1,6}"))
                throw new ConfigException("question suppression: '" + id + "' is not a message id like o163 or p12");
        this.ids = List.copyOf(new TreeSet<>(allowed));
    }

    /** The ids sent, sorted. */
    public List<String> ids() { return ids; }

    @Override public void run() { client.suppressQuestions(ids); }
}
