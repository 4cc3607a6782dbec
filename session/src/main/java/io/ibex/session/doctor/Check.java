package io.ibex.session.doctor;

/** One line of the doctor's table: what was checked, how it went, and the concrete fix when it did not go well. */
public record Check(String name, Level level, String detail, String fix) {
    public enum Level { OK, WARN, FAIL }

    public static Check ok(String name, String detail) { return new Check(name, Level.OK, detail, ""); }

    public static Check warn(String name, String detail, String fix) { return new Check(name, Level.WARN, detail, fix); }

    public static Check fail(String name, String detail, String fix) { return new Check(name, Level.FAIL, detail, fix); }

    public String render() {
        String tag = switch (level) {
            case OK -> "[ ok ]";
            case WARN -> "[warn]";
            case FAIL -> "[FAIL]";
        };
        return String.format("%s %-18s %s%s", tag, name, detail, fix.isEmpty() ? "" : "\n" + " ".repeat(26) + "fix: " + fix);
    }
}
