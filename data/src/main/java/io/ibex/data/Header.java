package io.ibex.data;

import java.util.List;
import java.util.Set;

/** Finds named columns in a CSV header by case-insensitive aliases. */
final class Header {
    static final Set<String> TIME = Set.of("timestamp", "datetime", "date", "time", "ts", "unix", "unixtime", "epoch",
        "datetimeutc", "timeutc", "dateutc");
    static final Set<String> DATE_ONLY = Set.of("date", "day");
    static final Set<String> TIME_ONLY = Set.of("time");
    static final Set<String> OPEN = Set.of("open", "o", "openprice", "opening");
    static final Set<String> HIGH = Set.of("high", "h", "highprice", "max");
    static final Set<String> LOW = Set.of("low", "l", "lowprice", "min");
    static final Set<String> CLOSE = Set.of("close", "c", "closeprice", "last", "closing");
    static final Set<String> VOLUME = Set.of("volume", "vol", "v", "qty", "quantity", "basevolume");
    static final Set<String> PRICE = Set.of("price", "px", "tradeprice", "rate", "last");
    static final Set<String> AMOUNT = Set.of("amount", "size", "qty", "quantity", "volume", "vol", "tradesize");

    private final List<String> names;

    Header(List<String> cells) {
        this.names = cells.stream().map(CsvLayout::normalise).toList();
    }

    int size() { return names.size(); }

    /** Index of the first column whose normalised name is in {@code aliases}, or -1. */
    int find(Set<String> aliases) {
        for (int i = 0; i < names.size(); i++) if (aliases.contains(names.get(i))) return i;
        return -1;
    }

    /** True when any column name is one we know, i.e. the line is a header rather than data. */
    boolean looksLikeHeader() {
        return find(TIME) >= 0 || find(OPEN) >= 0 || find(CLOSE) >= 0 || find(PRICE) >= 0 || find(AMOUNT) >= 0;
    }

    /** Bars have an open column; ticks have a price column and no open. */
    boolean isTicks() { return find(OPEN) < 0 && find(PRICE) >= 0; }
}
