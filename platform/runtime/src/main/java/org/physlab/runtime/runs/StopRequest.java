package org.physlab.runtime.runs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import org.physlab.store.RunStatus;

/**
 * Why a run was asked to stop and how it will be recorded: CANCELLED (a user, or its time limit) or
 * INTERRUPTED (its plugin is being updated or removed, or the platform shuts down).
 */
record StopRequest(RunStatus status, String reason) {
    StopRequest {
        if (status != RunStatus.CANCELLED && status != RunStatus.INTERRUPTED) {
            throw new IllegalArgumentException("a stopped run is CANCELLED or INTERRUPTED, not " + status);
        }
        Objects.requireNonNull(reason, "reason");
    }

    static StopRequest cancelled(String reason) {
        return new StopRequest(RunStatus.CANCELLED, reason == null || reason.isBlank() ? "cancelled" : reason);
    }

    static StopRequest interrupted(String reason) {
        return new StopRequest(RunStatus.INTERRUPTED, reason);
    }

    /** A run that ran past its limit is recorded CANCELLED with "time limit of N s exceeded". */
    static StopRequest timeLimitExceeded(Duration limit) {
        return cancelled("time limit of " + seconds(limit) + " s exceeded");
    }

    /** 30 → "30", 1.5 → "1.5", 0.25 → "0.25". */
    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }
}
