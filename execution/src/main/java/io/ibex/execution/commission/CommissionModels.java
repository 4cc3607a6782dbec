package io.ibex.execution.commission;

import io.ibex.framework.error.ConfigException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/** Turns the CLI's {@code --commission} value into a {@link CommissionModel}. */
public final class CommissionModels {
    /** The spellings {@link #parse} accepts, as shown to users. */
    public static final String VALID = "none, ibkr-fixed, ibkr-tiered, per-share:RATE[:MIN[:MAX_FRACTION]],"
        + " percent:BPS (e.g. per-share:0.005:1:0.01, percent:5 = 5 basis points of trade value)";

    private CommissionModels() {}

    public static CommissionModel parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String s = spec.strip().toLowerCase(Locale.ROOT);
        String[] parts = s.split(":", -1);
        return switch (parts[0]) {
            case "none" -> noArguments(parts, spec, NoCommission.INSTANCE);
            case "ibkr-fixed" -> noArguments(parts, spec, PerShareCommission.ibkrFixed());
            case "ibkr-tiered" -> noArguments(parts, spec, IbkrTieredCommission.ibkr());
            case "per-share" -> perShare(parts, spec);
            case "percent" -> {
                if (parts.length != 2) throw invalid(spec, "percent takes one number, basis points: percent:5");
                yield new PercentOfValueCommission(number(parts[1], spec, "basis points"));
            }
            default -> throw invalid(spec, "unknown commission model");
        };
    }

    private static CommissionModel perShare(String[] parts, String spec) {
        if (parts.length < 2 || parts.length > 4)
            throw invalid(spec, "per-share takes 1 to 3 numbers: per-share:RATE[:MIN[:MAX_FRACTION]]");
        BigDecimal rate = number(parts[1], spec, "rate per share");
        BigDecimal min = parts.length > 2 ? number(parts[2], spec, "minimum per order") : BigDecimal.ZERO;
        // Without an explicit cap, never charge more than the trade is worth.
        BigDecimal max = parts.length > 3 ? number(parts[3], spec, "maximum fraction of trade value") : BigDecimal.ONE;
        return new PerShareCommission(rate, min, max);
    }

    private static CommissionModel noArguments(String[] parts, String spec, CommissionModel model) {
        if (parts.length != 1) throw invalid(spec, parts[0] + " takes no arguments");
        return model;
    }

    private static BigDecimal number(String text, String spec, String what) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() < 0) throw invalid(spec, what + " must be >= 0");
            return value;
        } catch (NumberFormatException e) {
            throw invalid(spec, what + " '" + text + "' is not a number");
        }
    }

    private static ConfigException invalid(String spec, String reason) {
        return new ConfigException("--commission '" + spec + "': " + reason + "; valid: " + VALID);
    }
}
