package io.ibex.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the journal keeps of a body: JSON fields (at any depth) and form fields whose name says password, secret or
 * token become {@code "****"}, so {@code /__sim/journal} never hands out a login's password.
 */
final class SimRedaction {
    static final String MASK = "****";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|passwd|pwd|secret|token).*");
    private static final Pattern FORM_FIELD = Pattern.compile("(?i)(\\b[\\w.-]*(?:password|passwd|pwd|secret|token)[\\w.-]*=)[^&\\s]*");

    private SimRedaction() {}

    static String body(String text) {
        if (text == null || text.isEmpty()) return text;
        JsonNode n = Json.parseOrNull(text);
        if (n == null) return FORM_FIELD.matcher(text).replaceAll("$1" + MASK);
        return mask(n) ? Json.write(n) : text;
    }

    /** Masks secret fields in place; whether anything changed. */
    private static boolean mask(JsonNode n) {
        boolean changed = false;
        if (n instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode v = o.get(name);
                if (SECRET_NAME.matcher(name).matches() && v.isValueNode()) {
                    o.put(name, MASK);
                    changed = true;
                } else changed |= mask(v);
            }
        } else if (n.isArray()) {
            for (JsonNode e : n) changed |= mask(e);
        }
        return changed;
    }
}
