package org.physlab.web.live;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.plugins.CatalogListener;
import org.physlab.runtime.runs.RunListener;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every open browser tab what changed in the lab, through server push: runs queued, started,
 * ended (in this process at once; in other processes, such as {@code physlab run} on the same
 * database, within {@link #POLL_MILLIS}), plugins installed or removed, and a steady
 * {@link Subscriber#tick() tick} on which live views read new metric points and log lines from the
 * store. One instance per web UI; each {@link Subscriber} is called inside {@code ui.access}, so it
 * may touch its components directly.
 */
public final class LabEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabEvents.class);
    /** How often the store and plugin list are checked for changes made elsewhere, and ticks are sent. */
    public static final long POLL_MILLIS = 700;

    /** What a view wants to hear; every method is called inside {@code ui.access}. */
    public interface Subscriber {
        /** A run was queued, started, ended or changed, here or in another process. */
        default void runsChanged() { }

        /** A run of this process changed status (called in addition to {@link #runsChanged()}). */
        default void runChanged(RunRecord run) { }

        /** Plugins or their experiments came, went or failed. */
        default void catalogChanged() { }

        /** Every {@link #POLL_MILLIS}: time to read what is new for a live view. */
        default void tick() { }
    }

    private record Entry(UI ui, Subscriber subscriber) { }

    private final Physlab lab;
    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller;
    private final RunListener runListener;
    private final CatalogListener catalogListener;
    private volatile String runsFingerprint = "";
    private volatile String pluginsFingerprint = "";

    public LabEvents(Physlab lab) {
        this.lab = lab;
        runListener = new RunListener() {
            @Override
            public void statusChanged(RunRecord run) {
                each(s -> {
                    s.runChanged(run);
                    s.runsChanged();
                });
            }
        };
        catalogListener = new CatalogListener() {
            @Override
            public void experimentsAdded(List<CatalogEntry> added) {
                each(Subscriber::catalogChanged);
            }

            @Override
            public void experimentsRemoving(List<CatalogEntry> removing, String reason) {
                // Views re-read the catalog once the plugin is gone; the poll below notices that.
                pluginsFingerprint = "";
            }
        };
        lab.runs().addListener(runListener);
        lab.plugins().addListener(catalogListener);
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "physlab-web-events");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::poll, POLL_MILLIS, POLL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Calls {@code subscriber} (inside {@code ui.access}) until the returned registration is removed or
     * the UI is detached (tab closed).
     */
    public Registration subscribe(UI ui, Subscriber subscriber) {
        Entry entry = new Entry(Objects.requireNonNull(ui), Objects.requireNonNull(subscriber));
        entries.add(entry);
        Registration detach = ui.addDetachListener(e -> entries.remove(entry));
        return () -> {
            entries.remove(entry);
            detach.remove();
        };
    }

    /**
     * Subscribes for as long as {@code view} stays attached: call it from the view's {@code onAttach}
     * (a view attached again subscribes again).
     */
    public void subscribeUntilDetached(Component view, UI ui, Subscriber subscriber) {
        Registration subscription = subscribe(ui, subscriber);
        Registration[] detach = new Registration[1];
        detach[0] = view.addDetachListener(e -> {
            subscription.remove();
            detach[0].remove();
        });
    }

    private void poll() {
        // Nobody is watching: leave the database alone (the next poll with a viewer catches up).
        if (entries.isEmpty()) return;
        try {
            String runs = lab.store().count(RunQuery.all()) + "/" + lab.store().count(RunQuery.all().withStatus(RunStatus.RUNNING))
                    + "/" + lab.store().count(RunQuery.all().withStatus(RunStatus.QUEUED));
            if (!runs.equals(runsFingerprint)) {
                boolean first = runsFingerprint.isEmpty();
                runsFingerprint = runs;
                if (!first) each(Subscriber::runsChanged);
            }
            String plugins = lab.plugins().plugins().stream()
                    .map(p -> p.id() + "@" + p.version() + ":" + p.state() + ":" + p.changedAt() + ":" + p.experimentIds())
                    .sorted().toList().toString();
            if (!plugins.equals(pluginsFingerprint)) {
                pluginsFingerprint = plugins;
                each(Subscriber::catalogChanged);
            }
            each(Subscriber::tick);
        } catch (RuntimeException e) {
            LOG.warn("reading the lab's state for live views failed; trying again in {} ms", POLL_MILLIS, e);
        }
    }

    private void each(java.util.function.Consumer<Subscriber> call) {
        for (Entry entry : entries) {
            UI ui = entry.ui();
            if (!ui.isAttached()) {
                entries.remove(entry);
                continue;
            }
            ui.access(() -> {
                try {
                    call.accept(entry.subscriber());
                } catch (RuntimeException e) {
                    LOG.warn("a live view failed to update", e);
                }
            });
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        lab.runs().removeListener(runListener);
        lab.plugins().removeListener(catalogListener);
    }
}
