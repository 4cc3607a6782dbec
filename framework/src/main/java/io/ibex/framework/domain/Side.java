package io.ibex.framework.domain;

/** Order side, spelled as IBKR spells it on the wire. */
public enum Side {
    BUY(1), SELL(-1);

    private final int sign;
    Side(int sign) { this.sign = sign; }

    /** +1 for BUY, -1 for SELL: the sign of the position change. */
    public int sign() { return sign; }

    public Side opposite() { return this == BUY ? SELL : BUY; }
}
