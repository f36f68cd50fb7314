package org.physlab.store;

/** The JDBC implementation of {@link RunStore} (being written). */
final class JdbcRunStore {
    private JdbcRunStore() { }

    static RunStore open(StoreConfig config) {
        throw new UnsupportedOperationException("JdbcRunStore is not implemented yet");
    }
}
