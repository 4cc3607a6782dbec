package io.ibex.sim;

import java.util.Map;

/**
 * One request through the simulator, in the order of §3.1: process state (outage), faults, 411, User-Agent, pacing,
 * route, gate, handler; then applyFirst faults spoil the response, and the exchange is journaled.
 */
final class Pipeline {
    private final GatewaySimulator sim;

    Pipeline(GatewaySimulator sim) { this.sim = sim; }

    SimResponse handle(SimRequest req) {
        long wall0 = System.nanoTime();
        String rel = apiRelative(req.path());
        if (rel == null) return sim.admin.handle(req, wall0);
        boolean history = rel.equals("/iserver/marketdata/history");
        if (history) sim.historyInFlight.incrementAndGet();
        SimResponse resp = null;
        FaultRule fault;
        synchronized (sim.lock) {
            sim.onTime();
            sim.lastRequestMillis = sim.nowMillis();
            if (sim.nowMillis() < sim.outageUntilMillis) {
                resp = SimResponse.empty(503);
                fault = null;
            } else fault = sim.faults.take(req.method(), rel, sim.nowMillis());
        }
        boolean waitFirst = fault != null && fault.action == FaultRule.Action.LATENCY && !fault.applyFirst;
        if (waitFirst && sim.pauseWall(fault.latencyMillis)) resp = SimResponse.transport(SimResponse.Transport.DROP);
        synchronized (sim.lock) {
            if (resp == null) {
                if (waitFirst) sim.onTime();
                int ordersBefore = sim.backend.orders.size();
                if (fault == null || waitFirst || fault.applyFirst) resp = process(req, rel);
                else resp = faultResponse(fault);
                if (fault != null && fault.hidesNewOrders) hideNewOrders(ordersBefore, fault.latencyMillis);
                if (fault != null && fault.applyFirst) resp = fault.action == FaultRule.Action.LATENCY
                    ? delayed(resp, fault.latencyMillis) : faultResponse(fault);
                if (fault != null) resp.fault = fault.toString();
            }
            record(req, rel, resp, wall0);
        }
        if (history) {
            Runnable previous = resp.onDone;
            resp.onDone = () -> {
                sim.historyInFlight.decrementAndGet();
                if (previous != null) previous.run();
            };
        }
        return resp;
    }

    private void hideNewOrders(int before, long millis) {
        int i = 0;
        for (SimOrder o : sim.backend.orders.values())
            if (i++ >= before) o.visibleAtMillis = sim.nowMillis() + millis;
    }

    static String apiRelative(String path) {
        for (String prefix : new String[] {"/v1/api", "/v1/portal"}) {
            if (path.equals(prefix)) return "/";
            if (path.startsWith(prefix + "/")) return path.substring(prefix.length());
        }
        return null;
    }

    private SimResponse process(SimRequest req, String rel) {
        Options o = sim.options;
        if (o.strict && req.method().equals("POST") && !req.framedBody()) {
            SimResponse r = SimResponse.empty(411);
            r.closeAfter = true;
            return r;
        }
        if (req.header("User-Agent") == null) {
            sim.warnings.add("request without User-Agent: " + req.method() + " " + rel);
            if (o.requireUserAgent) return SimResponse.error(403, "User-Agent header required");
        }
        SimResponse paced = sim.pacing.check(req.method(), rel);
        if (paced != null) return paced;
        Router.Match m = sim.router.find(req.method(), rel);
        if (m.entry() == null) return m.pathKnown() ? SimResponse.error(405, "Method Not Allowed") : SimResponse.error(404, "Not Found");
        SimResponse gated = gate(m.entry().group(), rel);
        if (gated != null) return gated;
        return m.entry().handler().apply(new Router.Call(req, rel, m.vars()));
    }

    private SimResponse gate(Router.Group group, String rel) {
        SessionState s = sim.state;
        boolean noSso = s == SessionState.UNAUTHENTICATED || s == SessionState.EXPIRED;
        if (noSso) {
            if (group == Router.Group.TICKLE_STATUS && rel.equals("/tickle") && sim.options.noSessionAs200)
                return SimResponse.json("{\"error\":\"no session\"}");
            return unauthorized();
        }
        if (group != Router.Group.ISERVER) return null;
        return switch (s) {
            case BROKERAGE_DOWN -> sim.options.noBridgeAs401 ? unauthorized() : SimResponse.error(400, "Bad Request: no bridge");
            case COMPETING -> unauthorized();
            default -> null;
        };
    }

    SimResponse unauthorized() {
        return sim.options.unauthorizedBodyEmpty ? SimResponse.empty(401) : SimResponse.error(401, "not authenticated");
    }

    static SimResponse faultResponse(FaultRule f) {
        SimResponse r = switch (f.action) {
            case DROP -> SimResponse.transport(SimResponse.Transport.DROP);
            case RESET -> SimResponse.transport(SimResponse.Transport.RESET);
            case HANG -> SimResponse.transport(SimResponse.Transport.HANG);
            case LATENCY -> SimResponse.empty(200);
            case RESPOND, NO_BRIDGE, STATUS_429, RAW -> {
                SimResponse x = new SimResponse(f.status, f.body);
                if (f.body.length > 0) x.headers.put("Content-Type", SimResponse.JSON);
                for (String h : f.headers) {
                    int c = h.indexOf(':');
                    x.headers.put(h.substring(0, c).trim(), h.substring(c + 1).trim());
                }
                yield x;
            }
        };
        if (f.action != FaultRule.Action.LATENCY) r.delayMillis = f.latencyMillis;
        return r;
    }

    private static SimResponse delayed(SimResponse r, long millis) {
        r.delayMillis += millis;
        return r;
    }

    void record(SimRequest req, String path, SimResponse resp, long wall0) {
        boolean answered = resp.transport == SimResponse.Transport.ANSWER;
        Map<String, String> headers = Journal.selectedHeaders(req);
        sim.journal.add(new JournalEntry(sim.journal.nextSeq(), System.currentTimeMillis(), sim.nowMillis(), req.method(), path,
            req.query(), headers, SimRedaction.body(req.bodyText()), answered ? resp.status : 0,
            answered ? SimRedaction.body(resp.bodyText()) : "", resp.fault,
            sim.epochNumber(), sim.visibleState(), (System.nanoTime() - wall0) / 1_000_000 + resp.delayMillis));
    }
}
