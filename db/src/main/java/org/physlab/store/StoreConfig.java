package org.physlab.store;

import java.nio.file.Path;

/**
 * Where the run history lives: a JDBC URL of H2 (embedded {@code jdbc:h2:file:…}, or a server
 * {@code jdbc:h2:tcp://…}) or PostgreSQL ({@code jdbc:postgresql://host:5432/db}); {@link DatabaseKind}
 * tells them apart. The same migrations create the same schema on each.
 */
public record StoreConfig(String jdbcUrl, String user, String password) {

    /**
     * H2 in a file under {@code home/db}, in mixed mode ({@code AUTO_SERVER=TRUE}) so that a CLI and a
     * running server can use the same home at once, with {@code WRITE_DELAY=0}: every commit reaches
     * the database file at once. H2's default writes commits in the background up to a second later,
     * so a process killed with SIGKILL lost its last second of metrics; a run's history must survive
     * the crash of the process that recorded it. Commits reach the operating system, not necessarily
     * the disk: a power cut may still lose the last moments.
     */
    public static StoreConfig embedded(Path home) {
        Path file = home.toAbsolutePath().resolve("db").resolve("physlab");
        return new StoreConfig("jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;WRITE_DELAY=0", "sa", "");
    }
}
