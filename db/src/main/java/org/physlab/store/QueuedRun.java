package org.physlab.store;

import java.time.Instant;

/**
 * A QUEUED run as the scheduler sees it.
 *
 * @param user            the run's owner ({@code runs.user_name}; "" when none was recorded)
 * @param queueOrder      increases with the time the run was queued, across all processes
 * @param timeLimitMillis null for none
 * @param processId       the process that will execute it, or null while no process owns it
 * @param backend         the compute backend of the process that queued it ("CPU", "CUDA")
 */
public record QueuedRun(String runId, String experimentId, String user, int priority, long queueOrder,
                        Long timeLimitMillis, boolean resumeAfterRestart, String processId, Instant createdAt,
                        String backend) { }
