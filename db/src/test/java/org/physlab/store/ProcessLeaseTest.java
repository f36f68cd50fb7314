package org.physlab.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a process counts as gone, and how that is said. */
class ProcessLeaseTest {

    private static final Instant NOW = Instant.parse("2026-11-23T14:55:00Z");
    private static final Duration STALE_AFTER = Duration.ofSeconds(30);

    @Test
    void aProcessOnThisHostIsGoneWhenItsPidIsNotRunning() {
        ProcessLease lease = new ProcessLease("p1", "lab-1", 1234, "cli", NOW.minusSeconds(1));

        assertEquals(Optional.of("cli process 1234 on host lab-1 is gone (pid 1234 is no longer running; "
                + "last heartbeat 2026-11-23T14:54:59Z)"), lease.goneReason("lab-1", NOW, STALE_AFTER, pid -> false));
        assertEquals(Optional.empty(), lease.goneReason("lab-1", NOW, STALE_AFTER, pid -> pid == 1234));
        assertTrue(lease.goneReason("LAB-1", NOW, STALE_AFTER, pid -> false).isPresent(), "host names ignore case");
    }

    @Test
    void aProcessOnAnotherHostIsJudgedByItsHeartbeatOnly() {
        ProcessLease fresh = new ProcessLease("p2", "lab-2", 1234, "server", NOW.minus(STALE_AFTER));
        ProcessLease stale = new ProcessLease("p3", "lab-2", 1234, "server", NOW.minus(STALE_AFTER).minusMillis(1));

        assertEquals(Optional.empty(), fresh.goneReason("lab-1", NOW, STALE_AFTER, pid -> false));
        assertEquals(Optional.of("server process 1234 on host lab-2 is gone (no heartbeat since "
                + "2026-11-23T14:54:29.999Z, more than 30 s before 2026-11-23T14:55:00Z)"),
                stale.goneReason("lab-1", NOW, STALE_AFTER, pid -> false));
    }

    @Test
    void aLiveProcessThatStoppedBeatingIsGoneToo() {
        ProcessLease hung = new ProcessLease("p4", "lab-1", 99, "cli", NOW.minusSeconds(600));

        assertTrue(hung.goneReason("lab-1", NOW, Duration.ofMillis(1500), pid -> true).orElseThrow()
                .contains("more than 1500 ms before"));
    }

    @Test
    void theCurrentProcessIsAlive() {
        assertTrue(ProcessLease.isAlive(ProcessHandle.current().pid()));
    }
}
