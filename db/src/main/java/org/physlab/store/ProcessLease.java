package org.physlab.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * A row of {@code processes}: a process's claim to be alive, renewed by heartbeats. Decides whether the
 * process is gone, and says why in words that end up in the error text of its interrupted runs.
 */
record ProcessLease(String id, String host, long pid, String kind, Instant heartbeatAt) {

    /** Whether a pid names a live process on this machine. */
    static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * Why this process is gone, or empty while it is alive: on {@code thisHost} its pid no longer runs,
     * or (on any host) its last heartbeat is older than {@code staleAfter} before {@code now}.
     */
    Optional<String> goneReason(String thisHost, Instant now, Duration staleAfter, LongPredicate pidAlive) {
        if (host.equalsIgnoreCase(thisHost) && !pidAlive.test(pid)) {
            return Optional.of(describe() + " is gone (pid " + pid + " is no longer running; last heartbeat " + heartbeatAt + ")");
        }
        if (heartbeatAt.isBefore(now.minus(staleAfter))) {
            return Optional.of(describe() + " is gone (no heartbeat since " + heartbeatAt + ", more than "
                    + inWords(staleAfter) + " before " + now + ")");
        }
        return Optional.empty();
    }

    private static String inWords(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private String describe() {
        return kind + " process " + pid + " on host " + host;
    }
}
