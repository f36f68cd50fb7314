package org.physlab.web.run;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.physlab.runtime.Physlab;
import org.physlab.web.security.WebAccess;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.store.AmbiguousRunIdException;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.LogLine;
import org.physlab.store.MetricStats;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStatus;
import org.physlab.store.StoreException;
import org.physlab.web.Formats;
import org.physlab.web.Lab;
import org.physlab.web.MainLayout;
import org.physlab.web.artifacts.ArtifactViews;
import org.physlab.web.charts.ChartSeries;
import org.physlab.web.charts.SeriesChart;
import org.physlab.web.runs.RunsView;

/**
 * One run, live: status and progress, cancel / re-run / clone, metric charts that grow while the run
 * executes, its log, summary, artifacts and provenance, and downloads of its metrics. While the run is
 * queued or running the view reads what is new from the store on every {@link org.physlab.web.live.LabEvents}
 * tick (so runs of the CLI on the same database are followed too) and stops once it has read the ended run.
 */
@Route(value = "runs/:runId", layout = MainLayout.class)
public class RunView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;
    /** Log lines kept on the page; older ones are dropped from the view (the download has them all). */
    static final int MAX_LOG_LINES = 2000;
    private static final Pattern LOSS_LIKE = Pattern.compile("(?i).*(loss|error|mse|rmse|mae|residual|nll|perplexity).*");
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());

    private Physlab lab;
    private String runId;
    private RunFollower follower;
    private RunRecord run;
    private RunStatus shownStatus;
    /** When the metric statistics were last read; they are an aggregate query, so not on every tick. */
    private long statsReadAt;
    private static final long STATS_EVERY_MILLIS = 3000;
    private String experimentTitle;
    private boolean following;

    private final Span statusBadge = new Span();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressMessage = new Span();
    private final Span elapsed = new Span();
    private final Button cancel = new Button("Cancel", VaadinIcon.STOP.create());
    private final Button delete = new Button("Delete", VaadinIcon.TRASH.create());
    private final Span cancelMessage = new Span();
    private final Div error = new Div();
    private final Div charts = new Div();
    private final Span chartsEmpty = new Span();
    private final Map<String, SeriesChart> chartByKey = new HashMap<>();
    private final Div logs = new Div();
    private int logCount;
    private final Div summary = new Div();
    private final Div metricStats = new Div();
    private final Div artifacts = new Div();
    private final Span artifactsEmpty = new Span("No artifacts yet.");
    private final Map<String, Component> artifactByName = new HashMap<>();
    private final Div provenance = new Div();

    public RunView() {
        setWidthFull();
        setPadding(true);
        setSpacing(false);
        getStyle().set("gap", "var(--lumo-space-s)").set("box-sizing", "border-box");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        runId = event.getRouteParameters().get("runId").orElse("");
        lab = Lab.current();
        removeAll();
        chartByKey.clear();
        artifactByName.clear();
        Optional<RunRecord> found;
        try {
            found = lab.store().find(runId);
        } catch (AmbiguousRunIdException e) {
            showMissing("Several runs start with '" + runId + "': " + String.join(", ", e.matches()) + ". Use more of the id.");
            return;
        } catch (StoreException e) {
            showMissing("The run history cannot be read right now: " + e.getMessage());
            return;
        }
        if (found.isEmpty()) {
            showMissing("No such run: '" + runId + "'. It may have been deleted, or the link is mistyped.");
            return;
        }
        runId = found.get().id();
        run = found.get();
        experimentTitle = lab.plugins().find(run.experimentId()).map(CatalogEntry::descriptor).map(d -> d.title()).orElse(run.experimentId());
        follower = new RunFollower(lab.store(), runId);
        shownStatus = null;
        logCount = 0;
        logs.removeAll();
        charts.removeAll();
        artifacts.removeAll();
        build();
        following = true;
        refresh();
    }

    @Override
    public String getPageTitle() {
        if (run == null) return "Run · Physlab";
        return shortId(run.id()) + " " + run.status() + " · " + experimentTitle + " · Physlab";
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        logs.getElement().executeJs("const el = this; el.__follow = true;"
                + "el.addEventListener('scroll', () => { el.__follow = el.scrollHeight - el.scrollTop - el.clientHeight < 30; });");
        Lab.events().subscribeUntilDetached(this, attachEvent.getUI(), new org.physlab.web.live.LabEvents.Subscriber() {
            @Override
            public void tick() {
                if (following) refresh();
            }

            @Override
            public void runChanged(RunRecord changed) {
                if (following && changed.id().equals(runId)) refresh();
            }
        });
    }


    private void showMissing(String message) {
        run = null;
        following = false;
        H2 title = new H2("Run not found");
        title.setId("run-title");
        Span text = new Span(message);
        text.setId("run-not-found");
        RouterLink back = new RouterLink("All runs", RunsView.class);
        add(title, text, back);
    }

    // ---- layout ------------------------------------------------------------------------------------

    private void build() {
        H2 title = new H2();
        title.setId("run-title");
        title.add(new Span(experimentTitle));
        Span idSpan = new Span("run " + run.id());
        idSpan.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-s)")
                .set("color", "var(--lumo-secondary-text-color)").set("font-weight", "normal").set("display", "block");
        title.add(idSpan);
        title.getStyle().set("margin", "0").set("flex", "1").set("min-width", "0").set("font-size", "var(--lumo-font-size-xl)");

        statusBadge.setId("run-status");
        statusBadge.getStyle().set("padding", "2px 10px").set("border-radius", "999px").set("font-weight", "600")
                .set("font-size", "var(--lumo-font-size-s)").set("letter-spacing", "0.03em");

        cancel.setId("run-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> cancel());
        Button rerun = new Button("Re-run", VaadinIcon.REFRESH.create(), e -> toLaunch("rerun"));
        rerun.setId("run-rerun");
        rerun.setTooltipText("Launch again with the same parameters, seed and tags");
        Button clone = new Button("Clone with changes", VaadinIcon.COPY_O.create(), e -> toLaunch("clone"));
        clone.setId("run-clone");
        clone.setTooltipText("Open the launch form with this run's parameters and tags (new seed)");
        delete.setId("run-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setTooltipText("Delete this run with its metrics, logs and artifacts");
        delete.addClickListener(e -> confirmDelete());
        delete.setVisible(false);
        for (Button b : List.of(cancel, rerun, clone, delete)) b.addThemeVariants(ButtonVariant.LUMO_SMALL);
        boolean mayLaunch = WebAccess.has(org.physlab.store.Role.MEMBER);
        rerun.setVisible(mayLaunch);
        clone.setVisible(mayLaunch);

        Div header = new Div(title, statusBadge, cancel, rerun, clone, delete);
        header.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-s)")
                .set("flex-wrap", "wrap").set("width", "100%");

        progress.setId("run-progress");
        progress.setMin(0);
        progress.setMax(1);
        progress.getStyle().set("flex", "1").set("margin", "0").set("min-width", "120px");
        progressMessage.setId("run-progress-message");
        progressMessage.getStyle().set("font-size", "var(--lumo-font-size-s)").set("flex", "2").set("min-width", "0")
                .set("overflow", "hidden").set("text-overflow", "ellipsis").set("white-space", "nowrap");
        elapsed.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)").set("white-space", "nowrap");
        cancelMessage.setId("run-cancel-message");
        cancelMessage.setVisible(false);
        cancelMessage.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-error-text-color)").set("width", "100%");
        Div progressRow = new Div(progress, progressMessage, elapsed);
        progressRow.getStyle().set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-m)").set("width", "100%");

        error.setId("run-error");
        error.setVisible(false);
        error.getStyle().set("white-space", "pre-wrap").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("font-size", "var(--lumo-font-size-s)")
                .set("max-height", "10em").set("overflow", "auto").set("width", "100%").set("box-sizing", "border-box");

        Anchor csv = new Anchor("api/runs/" + encode(run.id()) + "/export?format=csv", "metrics CSV");
        csv.setId("download-metrics-csv");
        csv.getElement().setAttribute("download", run.id() + "-metrics.csv");
        Anchor json = new Anchor("api/runs/" + encode(run.id()) + "/export?format=json", "metrics JSON");
        json.setId("download-metrics-json");
        json.getElement().setAttribute("download", run.id() + "-metrics.json");
        com.vaadin.flow.component.icon.Icon downloadIcon = VaadinIcon.DOWNLOAD_ALT.create();
        downloadIcon.setSize("var(--lumo-icon-size-s)");
        Div downloads = new Div(downloadIcon, csv, json);
        downloads.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("align-items", "center")
                .set("font-size", "var(--lumo-font-size-s)").set("margin-left", "auto");

        charts.setId("run-metrics");
        charts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fit, minmax(400px, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        chartsEmpty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div metricsHeader = new Div(heading("Metrics"), downloads);
        metricsHeader.getStyle().set("display", "flex").set("align-items", "baseline").set("width", "100%");

        summary.setId("run-summary");
        metricStats.addClassName("run-metric-stats");
        logs.setId("run-logs");
        logs.getStyle().set("min-height", "96px").set("max-height", "260px").set("overflow", "auto").set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-xs)").set("line-height", "1.45").set("background", "var(--lumo-contrast-5pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("padding", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("box-sizing", "border-box").set("white-space", "pre-wrap").set("word-break", "break-word");
        Div summaryBox = section("Summary", summary);
        summaryBox.add(metricStats);
        summaryBox.getStyle().set("flex", "1 1 300px").set("min-width", "0");
        Div logBox = section("Log", logs);
        logBox.getStyle().set("flex", "2 1 480px").set("min-width", "0");
        Div middle = new Div(summaryBox, logBox);
        middle.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)").set("width", "100%");

        artifacts.setId("run-artifacts");
        artifacts.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(420px, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("width", "100%");
        artifactsEmpty.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        provenance.setId("run-provenance");
        provenance.getStyle().set("width", "100%");

        add(header, cancelMessage, progressRow, error, metricsHeader, chartsEmpty, charts, middle,
                heading("Artifacts"), artifactsEmpty, artifacts, heading("Provenance"), provenance);
    }

    private static H3 heading(String text) {
        H3 h = new H3(text);
        h.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs) 0").set("font-size", "var(--lumo-font-size-l)");
        return h;
    }

    private static Div section(String title, Component body) {
        Div d = new Div(heading(title), body);
        d.getStyle().set("display", "flex").set("flex-direction", "column");
        return d;
    }

    // ---- live updates ------------------------------------------------------------------------------

    private void refresh() {
        Optional<RunFollower.Update> read;
        try {
            read = follower.read();
        } catch (StoreException e) {
            progressMessage.setText("Cannot read the run right now: " + e.getMessage());
            return;
        }
        if (read.isEmpty()) {
            following = false;
            removeAll();
            showMissing("Run '" + runId + "' no longer exists.");
            return;
        }
        RunFollower.Update update = read.get();
        run = update.run();
        boolean statusChanged = shownStatus != run.status();
        shownStatus = run.status();
        showStatus(statusChanged);
        for (String key : update.changedKeys()) updateChart(key);
        long now = System.currentTimeMillis();
        if (statusChanged || (!update.changedKeys().isEmpty() && now - statsReadAt >= STATS_EVERY_MILLIS)) {
            statsReadAt = now;
            showMetricStats();
        }
        chartsEmpty.setText(chartByKey.isEmpty()
                ? (run.status().terminal() ? "This run logged no metrics." : "No metric points yet; charts appear with the first ones.") : "");
        chartsEmpty.setVisible(chartByKey.isEmpty());
        appendLogs(update.newLogs());
        for (ArtifactInfo info : update.newArtifacts()) showArtifact(info);
        artifactsEmpty.setText(run.status().terminal() ? "This run stored no artifacts." : "No artifacts yet.");
        artifactsEmpty.setVisible(artifactByName.isEmpty());
        if (run.status().terminal()) following = false;
    }

    private void showStatus(boolean statusChanged) {
        RunStatus status = run.status();
        statusBadge.setText(status.name());
        statusBadge.getElement().setAttribute("data-status", status.name());
        String[] colours = badgeColours(status);
        statusBadge.getStyle().set("background", colours[0]).set("color", colours[1]);

        boolean active = !status.terminal();
        boolean mayCancel = active && mayCancel();
        cancel.setEnabled(mayCancel);
        cancel.setVisible(mayCancel);
        delete.setVisible(!active && mayCancel());
        if (!active) cancelMessage.setVisible(false);

        if (status == RunStatus.QUEUED) {
            progress.setIndeterminate(true);
        } else {
            progress.setIndeterminate(false);
            progress.setValue(status == RunStatus.SUCCEEDED ? 1.0 : Math.max(0, Math.min(1, run.progress())));
        }
        String message = run.progressMessage() == null ? "" : run.progressMessage();
        if (status == RunStatus.QUEUED) message = "waiting in the queue" + (message.isBlank() ? "" : ": " + message);
        progressMessage.setText(Math.round(run.progress() * 100) + " %" + (message.isBlank() ? "" : " · " + message));
        elapsed.setText(status == RunStatus.QUEUED ? "queued " + Provenance.queueWait(run)
                : (active ? "running " : "ran ") + Provenance.runTime(run));

        boolean failed = status == RunStatus.FAILED || status == RunStatus.INTERRUPTED;
        boolean cancelled = status == RunStatus.CANCELLED;
        error.setVisible((failed || cancelled) && run.error() != null && !run.error().isBlank());
        if (error.isVisible()) {
            error.setText((failed ? status.name() + ": " : "Cancelled: ") + run.error());
            error.getStyle().set("background", failed ? "var(--lumo-error-color-10pct)" : "var(--lumo-contrast-5pct)")
                    .set("color", failed ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
        }
        if (statusChanged) {
            showSummary();
            showProvenance();
        }
        if (statusChanged && UI.getCurrent() != null) UI.getCurrent().getPage().setTitle(getPageTitle());
    }

    private static String[] badgeColours(RunStatus status) {
        return switch (status) {
            case QUEUED -> new String[] {"var(--lumo-contrast-10pct)", "var(--lumo-body-text-color)"};
            case RUNNING -> new String[] {"var(--lumo-primary-color-10pct)", "var(--lumo-primary-text-color)"};
            case SUCCEEDED -> new String[] {"var(--lumo-success-color-10pct)", "var(--lumo-success-text-color)"};
            case FAILED, INTERRUPTED -> new String[] {"var(--lumo-error-color-10pct)", "var(--lumo-error-text-color)"};
            case CANCELLED -> new String[] {"var(--lumo-contrast-20pct)", "var(--lumo-body-text-color)"};
        };
    }

    private void updateChart(String key) {
        SeriesChart chart = chartByKey.get(key);
        if (chart == null) {
            chart = new SeriesChart(key, "step", key);
            chart.addClassName("metric-chart");
            chart.getElement().setAttribute("data-metric", key);
            chart.setPlotHeight(200);
            chart.setLogY(lossLike(key, follower.points(key)));
            chartByKey.put(key, chart);
            int at = (int) chartByKey.keySet().stream().filter(k -> k.compareTo(key) < 0).count();
            charts.addComponentAtIndex(at, chart);
        }
        chart.setSeries(List.of(ChartSeries.metric(key, follower.points(key))));
    }

    /** Whether a metric reads best on a log axis: a loss or error that is positive so far. */
    static boolean lossLike(String key, List<org.physlab.store.MetricPoint> points) {
        if (!LOSS_LIKE.matcher(key).matches()) return false;
        for (org.physlab.store.MetricPoint p : points) {
            if (Double.isFinite(p.value()) && p.value() <= 0) return false;
        }
        return true;
    }

    private void appendLogs(List<LogLine> lines) {
        if (lines.isEmpty()) return;
        List<LogLine> shown = lines.size() > MAX_LOG_LINES ? lines.subList(lines.size() - MAX_LOG_LINES, lines.size()) : lines;
        for (LogLine line : shown) {
            Div row = new Div();
            row.addClassName("log-line");
            Span time = new Span(line.time() == null ? "" : LOG_TIME.format(line.time()));
            time.getStyle().set("color", "var(--lumo-secondary-text-color)");
            String level = line.level() == null ? "" : line.level().toUpperCase(Locale.ROOT);
            Span levelSpan = new Span(" " + String.format(Locale.ROOT, "%-5s", level) + " ");
            if (level.startsWith("WARN")) levelSpan.getStyle().set("color", "var(--lumo-warning-text-color, #a86b00)");
            if (level.startsWith("ERR")) levelSpan.getStyle().set("color", "var(--lumo-error-text-color)");
            row.add(time, levelSpan, new Span(line.message()));
            row.getElement().setAttribute("data-seq", Long.toString(line.seq()));
            logs.add(row);
            logCount++;
        }
        while (logCount > MAX_LOG_LINES) {
            logs.getElement().removeChild(0);
            logCount--;
        }
        logs.getElement().executeJs("if (this.__follow !== false) this.scrollTop = this.scrollHeight;");
    }

    private void showArtifact(ArtifactInfo info) {
        Component drawn = ArtifactViews.render(lab.store(), runId, info);
        Component old = artifactByName.put(info.name(), drawn);
        if (old != null) {
            artifacts.replace(old, drawn);
        } else {
            artifacts.add(drawn);
        }
    }

    private void showSummary() {
        summary.removeAll();
        Map<String, Double> values = run.summary();
        if (values == null || values.isEmpty()) {
            Span none = new Span(switch (run.status()) {
                case QUEUED, RUNNING -> "Headline metrics appear here when the run succeeds.";
                case SUCCEEDED -> "The experiment reported no headline metrics.";
                default -> "No summary: the run ended " + run.status().name() + ".";
            });
            none.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            summary.add(none);
            return;
        }
        summary.add(keyValueTable(values.entrySet().stream()
                .map(e -> new Provenance.Row(e.getKey(), Formats.number(e.getValue() == null ? Double.NaN : e.getValue()))).toList(), true));
    }

    /** Last, lowest and highest value of each metric, with the better end marked by the experiment's goal. */
    private void showMetricStats() {
        metricStats.removeAll();
        Map<String, MetricStats> stats;
        try {
            stats = lab.store().metricStats(runId);
        } catch (StoreException e) {
            return;
        }
        if (stats.isEmpty()) return;
        Div table = new Div();
        table.getStyle().set("display", "grid").set("grid-template-columns", "max-content repeat(4, auto)").set("column-gap", "var(--lumo-space-m)")
                .set("row-gap", "2px").set("font-size", "var(--lumo-font-size-s)").set("margin-top", "var(--lumo-space-s)")
                .set("justify-content", "start");
        for (String h : List.of("metric", "last", "min", "max", "points")) {
            Span head = new Span(h);
            head.getStyle().set("font-weight", "600").set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-xs)");
            table.add(head);
        }
        for (MetricStats s : new java.util.TreeMap<>(stats).values()) {
            Span key = new Span(s.key());
            key.getStyle().set("color", "var(--lumo-secondary-text-color)");
            table.add(key, number(s.last()), number(s.min()), number(s.max()), number(s.count()));
        }
        metricStats.add(table);
    }

    private static Span number(double v) {
        Span s = new Span(Formats.number(v));
        s.getStyle().set("font-variant-numeric", "tabular-nums").set("font-family", "var(--lumo-font-family-monospace, monospace)");
        return s;
    }

    private void showProvenance() {
        provenance.removeAll();
        Div facts = keyValueTable(Provenance.rows(run, experimentTitle), false);
        facts.getStyle().set("flex", "1 1 380px");
        List<Provenance.Row> parameterRows = Provenance.parameters(run.parameters());
        Div parameters = new Div(new Span("parameters"));
        parameters.getChildren().findFirst().ifPresent(c -> ((Span) c).getStyle().set("font-weight", "600")
                .set("font-size", "var(--lumo-font-size-s)"));
        parameters.add(parameterRows.isEmpty() ? new Span("none") : keyValueTable(parameterRows, true));
        parameters.getStyle().set("flex", "1 1 300px");
        parameters.addClassName("run-parameters");
        Div box = new Div(facts, parameters);
        box.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)").set("align-items", "flex-start");
        provenance.add(box);
    }

    /** Label/value rows as a compact two-column grid; {@code numeric} right-aligns the values. */
    private static Div keyValueTable(List<Provenance.Row> rows, boolean numeric) {
        Div table = new Div();
        table.getStyle().set("display", "grid").set("grid-template-columns", "max-content 1fr").set("column-gap", "var(--lumo-space-m)")
                .set("row-gap", "2px").set("font-size", "var(--lumo-font-size-s)").set("align-items", "baseline");
        for (Provenance.Row row : rows) {
            Span label = new Span(row.label());
            label.getStyle().set("color", "var(--lumo-secondary-text-color)");
            Span value = new Span(row.value());
            value.getStyle().set("word-break", "break-word");
            if (numeric) value.getStyle().set("font-variant-numeric", "tabular-nums").set("font-family", "var(--lumo-font-family-monospace, monospace)");
            value.getElement().setAttribute("data-key", row.label());
            table.add(label, value);
        }
        return table;
    }

    // ---- actions -------------------------------------------------------------------------------------

    /** Whether the current user may cancel this run: its owner (a member) or an admin. */
    private boolean mayCancel() {
        return WebAccess.caller().map(c -> c.mayChangeRunOf(run.user())).orElse(false);
    }

    private void confirmDelete() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("delete-run-dialog");
        dialog.setHeader("Delete run " + runId + "?");
        dialog.setText("Its parameters, metrics, logs and artifacts are deleted for good (backups keep them).");
        dialog.setCancelable(true);
        dialog.setConfirmText("Delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> deleteRun());
        dialog.open();
    }

    /** Deletes the run: its owner (a member) or an admin; an admin deleting another's run is audited. */
    private void deleteRun() {
        var caller = WebAccess.caller().orElse(null);
        if (caller == null || !caller.mayChangeRunOf(run.user())) {
            showCancelProblem("Only the run's owner (" + run.user() + ") or an admin may delete it.");
            return;
        }
        try {
            lab.store().delete(runId);
        } catch (IllegalStateException e) {
            showCancelProblem(e.getMessage());
            return;
        }
        if (!caller.name().equals(run.user())) {
            WebAccess.audit(caller, "run.delete", runId, "a run of " + run.user() + " (" + run.experimentId() + "), in the web UI");
        }
        Notification.show("Run " + runId + " was deleted.", 3000, Notification.Position.BOTTOM_START);
        getUI().ifPresent(ui -> ui.navigate(RunsView.class));
    }

    private void cancel() {
        var caller = WebAccess.caller().orElse(null);
        if (caller == null || !caller.mayChangeRunOf(run.user())) {
            showCancelProblem("Only the run's owner (" + run.user() + ") or an admin may cancel it.");
            return;
        }
        String reason = "cancelled in the web UI by " + caller.name();
        boolean accepted;
        try {
            accepted = lab.runs().cancel(runId, reason);
        } catch (RuntimeException e) {
            showCancelProblem("Cancelling failed: " + e.getMessage());
            return;
        }
        if (accepted && !caller.name().equals(run.user())) {
            WebAccess.audit(caller, "run.cancel", runId, "a run of " + run.user() + " (" + run.experimentId() + "), in the web UI");
        }
        if (accepted) {
            cancel.setEnabled(false);
            cancelMessage.setVisible(false);
            Notification.show("Cancel requested; the run stops at its next check.", 3000, Notification.Position.BOTTOM_START);
            refresh();
            return;
        }
        RunRecord now = lab.store().find(runId).orElse(run);
        if (now.status().terminal()) {
            showCancelProblem("The run had already ended (" + now.status() + ").");
        } else {
            showCancelProblem("This server cannot cancel the run: it is executed by another process"
                    + (now.host() == null ? "" : " on " + now.host())
                    + " (for example `physlab run` in a terminal). Stop it there, e.g. with Ctrl+C.");
        }
        refresh();
    }

    private void showCancelProblem(String text) {
        cancelMessage.setText(text);
        cancelMessage.setVisible(true);
        Notification n = Notification.show(text, 6000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private void toLaunch(String mode) {
        UI.getCurrent().navigate("launch/" + run.experimentId(), QueryParameters.simple(Map.of("from", run.id(), "mode", mode)));
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
