package io.ibex.gateway;

/** A reusable window onto a parser's char buffer, so field values are parsed without making a String each. */
final class CharSlice implements CharSequence {
    private char[] buf = new char[0];
    private int offset;
    private int length;

    CharSlice of(char[] buf, int offset, int length) {
        this.buf = buf;
        this.offset = offset;
        this.length = length;
        return this;
    }

    @Override public int length() { return length; }

    @Override public char charAt(int index) {
        if (index < 0 || index >= length) throw new IndexOutOfBoundsException(index);
        return buf[offset + index];
    }

    @Override public CharSequence subSequence(int start, int end) { return toString().substring(start, end); }

    @Override public String toString() { return new String(buf, offset, length); }
}
