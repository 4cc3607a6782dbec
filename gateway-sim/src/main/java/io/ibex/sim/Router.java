package io.ibex.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Maps method + path template ({@code /portfolio/{acct}/positions/{page}}) to a handler and its gating group. */
final class Router {
    /** Which row of the gating table (§3.1) an endpoint belongs to. */
    enum Group { TICKLE_STATUS, SSO_VALIDATE, SSODH_INIT, REAUTHENTICATE, LOGOUT, READ_ONLY, ISERVER }

    /** A handler call: the request, the path relative to /v1/api and the template variables. */
    record Call(SimRequest request, String rel, Map<String, String> vars) {
        String var(String name) { return vars.get(name); }
    }

    record Entry(String method, String[] segments, Group group, Function<Call, SimResponse> handler) {}

    /** The result of a lookup: the entry and its variables, or only whether some other method would have matched. */
    record Match(Entry entry, Map<String, String> vars, boolean pathKnown) {}

    private final List<Entry> entries = new ArrayList<>();

    void add(String method, String template, Group group, Function<Call, SimResponse> handler) {
        entries.add(new Entry(method, template.substring(1).split("/"), group, handler));
    }

    Match find(String method, String rel) {
        String[] parts = rel.length() > 1 ? rel.substring(1).split("/") : new String[] {""};
        boolean pathKnown = false;
        for (Entry e : entries) {
            Map<String, String> vars = bind(e.segments(), parts);
            if (vars == null) continue;
            if (e.method().equals(method)) return new Match(e, vars, true);
            pathKnown = true;
        }
        return new Match(null, Map.of(), pathKnown);
    }

    private static Map<String, String> bind(String[] template, String[] parts) {
        if (template.length != parts.length) return null;
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("}")) {
                if (parts[i].isEmpty()) return null;
                vars.put(t.substring(1, t.length() - 1), parts[i]);
            } else if (!t.equals(parts[i])) return null;
        }
        return vars;
    }
}
