package org.physlab.store;

import java.time.Instant;

/** One line of the audit log: who did what to which target, and when (the database's clock). */
public record AuditEntry(long id, Instant time, String actor, String action, String target, String detail) { }
