package org.physlab.store;

/** A database operation failed; the message says which and why (e.g. the disk is full). */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
