package org.physlab.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Finds the runs whose process is gone and marks them INTERRUPTED with the reason, in the caller's
 * transaction. See {@link RunStore#interruptOrphans} for the rules.
 */
final class OrphanRecovery {

    private final String thisHost;
    private final Duration staleAfter;
    private final LongPredicate pidAlive;

    /** @param pidAlive whether a pid names a live process on this host */
    OrphanRecovery(String thisHost, Duration staleAfter, LongPredicate pidAlive) {
        this.thisHost = thisHost;
        this.staleAfter = staleAfter;
        this.pidAlive = pidAlive;
    }

    /** Interrupts the orphaned runs and deletes the leases of gone processes; returns the ids of the runs marked. */
    List<String> run(Connection c) throws SQLException {
        Instant now = Sql.now(c);
        List<String> interrupted = new ArrayList<>();
        for (ProcessLease lease : leases(c)) {
            Optional<String> reason = lease.goneReason(thisHost, now, staleAfter, pidAlive);
            // Delete only the lease as read: a process that renewed it meanwhile is alive after all.
            if (reason.isPresent() && deleteLease(c, lease)) {
                interrupted.addAll(interrupt(c, "process_id = ?", lease.id(), reason.get()));
            }
        }
        for (String[] run : activeRunsOfUnregisteredProcesses(c)) {
            interrupted.addAll(interrupt(c, "id = ?", run[0], "process " + run[1] + " is gone (it is no longer registered)"));
        }
        for (String runId : unownedQueuedRunsCreatedBefore(c, now.minus(staleAfter))) {
            interrupted.addAll(interrupt(c, "id = ?", runId, "no process took this queued run within "
                    + staleAfter.toMillis() + " ms of its creation"));
        }
        return interrupted;
    }

    private static List<ProcessLease> leases(Connection c) throws SQLException {
        List<ProcessLease> leases = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, host, pid, kind, heartbeat_at FROM processes");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                leases.add(new ProcessLease(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        Sql.instant(rs, 5)));
            }
        }
        return leases;
    }

    private static boolean deleteLease(Connection c, ProcessLease lease) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM processes WHERE id = ? AND heartbeat_at = ?")) {
            delete.setString(1, lease.id());
            delete.setObject(2, Sql.timestamp(lease.heartbeatAt()));
            return delete.executeUpdate() == 1;
        }
    }

    private static List<String[]> activeRunsOfUnregisteredProcesses(Connection c) throws SQLException {
        List<String[]> runs = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT r.id, r.process_id FROM runs r WHERE r.status IN "
                + Sql.ACTIVE + " AND r.process_id IS NOT NULL "
                + "AND NOT EXISTS (SELECT 1 FROM processes p WHERE p.id = r.process_id)");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                runs.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return runs;
    }

    private static List<String> unownedQueuedRunsCreatedBefore(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id FROM runs "
                + "WHERE status = 'QUEUED' AND process_id IS NULL AND created_at < ?")) {
            select.setObject(1, Sql.timestamp(cutoff));
            return Sql.strings(select);
        }
    }

    /** Marks INTERRUPTED the active runs matching {@code condition} (one parameter); returns their ids. */
    private static List<String> interrupt(Connection c, String condition, String value, String reason)
            throws SQLException {
        List<String> ids;
        try (PreparedStatement select = c.prepareStatement(
                "SELECT id FROM runs WHERE " + condition + " AND status IN " + Sql.ACTIVE
                        + " AND NOT " + QueueTable.RESUMABLE_QUEUED + " ORDER BY id")) {
            select.setString(1, value);
            ids = Sql.strings(select);
        }
        List<String> interrupted = new ArrayList<>();
        try (PreparedStatement update = c.prepareStatement("UPDATE runs SET status = 'INTERRUPTED', "
                + "ended_at = CURRENT_TIMESTAMP, error = ? WHERE id = ? AND status IN " + Sql.ACTIVE)) {
            for (String id : ids) {
                update.setString(1, reason);
                update.setString(2, id);
                if (update.executeUpdate() == 1) {
                    interrupted.add(id);
                }
            }
        }
        return interrupted;
    }
}
