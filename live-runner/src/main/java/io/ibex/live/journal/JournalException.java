package io.ibex.live.journal;

import io.ibex.framework.error.IbexException;

/** The order journal could not be opened or written. A journal that cannot be written means no new orders (F25/F26). */
public class JournalException extends IbexException {
    public JournalException(String message) { super(message); }
    public JournalException(String message, Throwable cause) { super(message, cause); }
}
