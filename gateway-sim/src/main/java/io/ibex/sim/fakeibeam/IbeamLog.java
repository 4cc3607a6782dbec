package io.ibex.sim.fakeibeam;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** Writes lines the way IBeam does: {@code 2023-02-04 14:01:35,804|I| message}. Never given a secret. */
final class IbeamLog {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private final Consumer<String> out;

    IbeamLog(Consumer<String> out) { this.out = out; }

    void info(String message) { write('I', message); }

    void warn(String message) { write('W', message); }

    void error(String message) { write('E', message); }

    private void write(char level, String message) {
        // a log stamp for humans reading the fake's output, like IBeam's; it drives no logic
        out.accept(STAMP.format(LocalDateTime.now()) + "|" + level + "| " + message);
    }
}
