package org.physlab.runtime.runs;

import java.util.Map;
import org.physlab.api.NonFiniteMetricException;
import org.physlab.api.RunCancelledException;
import org.physlab.api.Summary;
import org.physlab.store.RunStatus;

/**
 * How a run ended, as it is recorded: status, error text (null when it succeeded) and summary.
 *
 * @param failure what the experiment threw when the run FAILED (its stack trace goes to the run log), else null
 */
record RunOutcome(RunStatus status, String error, Map<String, Double> summary, Throwable failure) {

    /**
     * Decides the outcome of an executed run, in this order:
     * <ol>
     * <li>asked to stop (cancel, time limit, plugin update, shutdown): that stop's status and reason,
     *     whatever the experiment did afterwards, returning normally included;</li>
     * <li>a metric went NaN or infinite: FAILED with that message, even if the experiment caught the
     *     exception (a diverging run must not pass as a success);</li>
     * <li>returned: SUCCEEDED with its summary;</li>
     * <li>threw {@link RunCancelledException} on its own: CANCELLED with its message;</li>
     * <li>threw anything else: FAILED with {@code "ExceptionClass: message"} (or the message of a
     *     {@link NonFiniteMetricException} found among the causes).</li>
     * </ol>
     */
    static RunOutcome decide(Summary summary, Throwable thrown, StopRequest stop, NonFiniteMetricException nonFinite) {
        if (stop != null) return stopped(stop);
        if (nonFinite != null) return new RunOutcome(RunStatus.FAILED, nonFinite.getMessage(), Map.of(), thrown);
        if (thrown == null) {
            return new RunOutcome(RunStatus.SUCCEEDED, null, (summary == null ? Summary.empty() : summary).metrics(), null);
        }
        if (thrown instanceof RunCancelledException c) {
            return new RunOutcome(RunStatus.CANCELLED, c.getMessage() == null ? "cancelled" : c.getMessage(), Map.of(), null);
        }
        return failed(thrown);
    }

    static RunOutcome stopped(StopRequest stop) {
        return new RunOutcome(stop.status(), stop.reason(), Map.of(), null);
    }

    static RunOutcome failed(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof NonFiniteMetricException n) return new RunOutcome(RunStatus.FAILED, n.getMessage(), Map.of(), thrown);
        }
        return new RunOutcome(RunStatus.FAILED, errorText(thrown), Map.of(), thrown);
    }

    /** {@code "IllegalStateException: the solver diverged"}; the class name alone when there is no message. */
    static String errorText(Throwable t) {
        String type = t.getClass().getSimpleName().isEmpty() ? t.getClass().getName() : t.getClass().getSimpleName();
        String message = t.getMessage();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }
}
