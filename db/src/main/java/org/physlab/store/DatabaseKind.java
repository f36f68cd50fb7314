package org.physlab.store;

import java.util.Locale;

/**
 * The databases the run store runs on, told apart by the JDBC URL: {@code jdbc:h2:…} (embedded file,
 * mixed mode, or a TCP server) and {@code jdbc:postgresql://…}. Both get the same Flyway migrations
 * from {@code db/migration}; a database may add a few of its own before them (see {@link #migrationLocations}).
 */
public enum DatabaseKind {
    H2("jdbc:h2:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    /** The kind of the database at {@code jdbcUrl}; an unsupported URL is an {@link IllegalArgumentException} that lists the supported ones. */
    public static DatabaseKind of(String jdbcUrl) {
        if (jdbcUrl == null || jdbcUrl.isBlank()) {
            throw new IllegalArgumentException("a JDBC URL is required to open the run store");
        }
        String url = jdbcUrl.trim().toLowerCase(Locale.ROOT);
        for (DatabaseKind kind : values()) {
            if (url.startsWith(kind.urlPrefix)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("the run store runs on H2 (jdbc:h2:…) or PostgreSQL (jdbc:postgresql://…), not on "
                + jdbcUrl);
    }

    /**
     * Where Flyway finds this database's migrations. {@code db/migration} holds the schema, written once
     * in SQL both databases accept. V1 was written for H2 first and names the large types CLOB and BLOB,
     * which PostgreSQL lacks; its text must stay as it is (Flyway keeps a checksum of it in every existing
     * H2 database), so PostgreSQL gets the two names as domains over TEXT and BYTEA from a migration of its
     * own, {@code db/postgresql/V0_1__large_object_types.sql}, that runs first.
     */
    String[] migrationLocations() {
        return switch (this) {
            case H2 -> new String[] {"classpath:db/migration"};
            case POSTGRESQL -> new String[] {"classpath:db/migration", "classpath:db/postgresql"};
        };
    }
}
