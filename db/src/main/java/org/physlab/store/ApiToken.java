package org.physlab.store;

import java.time.Instant;

/** An API token as listed: never the token itself, which is shown once when it is created. */
public record ApiToken(long id, String name, String owner, Instant createdAt, Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
