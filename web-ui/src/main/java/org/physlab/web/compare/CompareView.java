package org.physlab.web.compare;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.physlab.api.MetricGoal;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.plugins.ExperimentCatalog;
import org.physlab.store.AmbiguousRunIdException;
import org.physlab.store.ArtifactInfo;
import org.physlab.store.MetricPoint;
import org.physlab.store.RunRecord;
import org.physlab.store.RunStore;
import org.physlab.web.Formats;
import org.physlab.web.Lab;
import org.physlab.web.MainLayout;
import org.physlab.web.artifacts.ArtifactViews;
import org.physlab.web.charts.ChartSeries;
import org.physlab.web.charts.SeriesChart;
import org.physlab.web.live.LabEvents;
import org.physlab.web.run.RunView;
import org.physlab.web.runs.RunsView;

/**
 * Several runs side by side ({@code compare?runs=<id>,<id>,...}): one metric overlaid for all of them
 * (per-run colours, log axes), a parameter table that highlights what differs, each metric's last and
 * best value with the best run marked, and one artifact of every run next to the others. Runs that are
 * still running keep updating; runs can be added by id and removed, which rewrites the URL.
 */
@Route(value = "compare", layout = MainLayout.class)
@PageTitle("Compare · Physlab")
@StyleSheet("context://physlab/compare.css")
public class CompareView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    /** Metric points read per store query; a series is read page by page until it is exhausted. */
    static final int PAGE = 10_000;
    /** While a run is live, its final-metric statistics are re-read every this many ticks. */
    private static final int STATS_EVERY_TICKS = 7;

    private final transient RunStore store;
    private final transient ExperimentCatalog catalog;

    private RunSelection selection = new RunSelection(List.of());
    private final List<RunRecord> runs = new ArrayList<>();
    private final Map<String, SeriesBuffer> series = new HashMap<>();
    private List<String> metricKeys = List.of();
    private boolean updatingMetricItems;
    private boolean updatingArtifactItems;
    private int ticks;

    private final Div problems = new Div();
    private final Div hint = new Div();
    private final Span subtitle = new Span();
    private final Div runBar = new Div();
    private final TextField addField = new TextField();
    private final VerticalLayout comparison = new VerticalLayout();
    private final Select<String> metric = new Select<>();
    private final Span noMetrics = new Span("None of these runs has logged a metric yet.");
    private final SeriesChart chart = new SeriesChart("", "step", "");
    private final Checkbox onlyDifferences = new Checkbox("only differences");
    private final NativeTable parameters = new NativeTable();
    private final NativeTable finalMetrics = new NativeTable();
    private final Select<String> artifact = new Select<>();
    private final Div artifacts = new Div();

    public CompareView() {
        store = Lab.current().store();
        catalog = Lab.current().plugins();
        addClassName("compare-view");
        setWidthFull();

        problems.setId("compare-problems");
        problems.addClassName("compare-problems");
        hint.setId("compare-hint");
        hint.addClassName("compare-hint");
        hint.add(new Span("Pick two or more runs to compare: select them in the "), new RouterLink("Runs view", RunsView.class),
                new Span(" and press Compare, or add runs by id."));
        runBar.setId("compare-runs");
        runBar.addClassName("compare-run-bar");

        addField.setId("compare-add-id");
        addField.setPlaceholder("run id or prefix");
        addField.setClearButtonVisible(true);
        addField.addKeyPressListener(Key.ENTER, e -> addRun());
        Button add = new Button("Add run", VaadinIcon.PLUS.create(), e -> addRun());
        add.setId("compare-add");
        HorizontalLayout adder = new HorizontalLayout(addField, add);
        adder.setAlignItems(FlexComponent.Alignment.BASELINE);
        adder.setSpacing(true);
        adder.addClassName("compare-adder");
        subtitle.addClassName("compare-subtitle");
        Div titles = new Div(new H2("Compare runs"), subtitle);
        HorizontalLayout top = new HorizontalLayout(titles, adder);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        top.expand(titles);
        top.addClassName("compare-top");

        add(top, problems, hint, runBar, comparison);
        buildComparison();
    }

    private void buildComparison() {
        comparison.setPadding(false);
        comparison.setWidthFull();

        metric.setId("compare-metric");
        metric.setAriaLabel("Metric");
        metric.addClassName("compare-select");
        metric.addValueChangeListener(e -> {
            if (!updatingMetricItems) showMetric(e.getValue(), true);
        });
        noMetrics.addClassName("compare-note");
        chart.setId("compare-chart");
        chart.setPlotHeight(300);
        Div chartBox = new Div(sectionHead("Metric", metric), noMetrics, chart);
        chartBox.addClassName("compare-card");

        parameters.setId("compare-parameters");
        parameters.addClassName("compare-table");
        onlyDifferences.setId("compare-only-differences");
        onlyDifferences.addValueChangeListener(e -> applyDifferenceFilter());
        HorizontalLayout parametersHead = new HorizontalLayout(new H3("Parameters"), onlyDifferences);
        parametersHead.setAlignItems(FlexComponent.Alignment.BASELINE);
        Div parametersBox = new Div(parametersHead, scroller(parameters));
        parametersBox.addClassNames("compare-card", "compare-half");

        finalMetrics.setId("compare-final-metrics");
        finalMetrics.addClassName("compare-table");
        Div metricsBox = new Div(new H3("Final metrics"), scroller(finalMetrics));
        metricsBox.addClassNames("compare-card", "compare-half");
        Div tables = new Div(parametersBox, metricsBox);
        tables.addClassName("compare-tables");

        artifact.setId("compare-artifact");
        artifact.setAriaLabel("Artifact");
        artifact.addClassNames("compare-select", "compare-artifact-select");
        artifact.addValueChangeListener(e -> {
            if (!updatingArtifactItems) showArtifact(e.getValue());
        });
        artifacts.setId("compare-artifacts");
        artifacts.addClassName("compare-artifact-grid");
        Div artifactsBox = new Div(sectionHead("Artifact", artifact), artifacts);
        artifactsBox.addClassName("compare-card");

        comparison.add(chartBox, tables, artifactsBox);
    }

    private static HorizontalLayout sectionHead(String title, Component select) {
        HorizontalLayout head = new HorizontalLayout(new H3(title), select);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.addClassName("compare-section-head");
        return head;
    }

    private static Div scroller(Component table) {
        Div d = new Div(table);
        d.addClassName("compare-scroll");
        return d;
    }

    // ---- navigation ---------------------------------------------------------------------------------

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        show(RunSelection.parse(query.getOrDefault(RunSelection.QUERY_PARAMETER, List.of())));
    }

    private void navigate(RunSelection next) {
        QueryParameters query = next.isEmpty() ? QueryParameters.empty()
                : QueryParameters.of(RunSelection.QUERY_PARAMETER, next.toQuery());
        UI.getCurrent().navigate(CompareView.class, query);
    }

    private void addRun() {
        String typed = Objects.requireNonNullElse(addField.getValue(), "").trim();
        addField.setInvalid(false);
        if (typed.isEmpty()) {
            reject("Type the id of a run (or the first characters of it).");
            return;
        }
        Optional<RunRecord> found;
        try {
            found = store.find(typed);
        } catch (AmbiguousRunIdException e) {
            reject("Several runs start with \"" + typed + "\": type more of the id.");
            return;
        }
        if (found.isEmpty()) {
            reject("no such run: " + typed);
            return;
        }
        String id = found.get().id();
        if (runs.stream().anyMatch(r -> r.id().equals(id))) {
            reject("Run " + shortId(id) + " is already compared.");
            return;
        }
        addField.clear();
        navigate(selection.with(id));
    }

    private void reject(String message) {
        addField.setErrorMessage(message);
        addField.setInvalid(true);
    }

    // ---- building the page for a selection ----------------------------------------------------------

    private void show(RunSelection requested) {
        selection = requested;
        runs.clear();
        series.clear();
        problems.removeAll();
        List<String> resolvedIds = new ArrayList<>();
        for (String id : requested.ids()) {
            try {
                Optional<RunRecord> run = store.find(id);
                if (run.isEmpty()) {
                    problem("no such run: " + id, id);
                } else if (!resolvedIds.contains(run.get().id())) {
                    resolvedIds.add(run.get().id());
                    runs.add(run.get());
                }
            } catch (AmbiguousRunIdException e) {
                problem("ambiguous run id: " + id + " (several runs start with it)", id);
            }
        }
        problems.setVisible(problems.getComponentCount() > 0);
        boolean enough = runs.size() >= 2;
        hint.setVisible(!enough);
        comparison.setVisible(enough);
        renderRunBar();
        if (!enough) return;

        refreshMetricKeys(true);
        renderParameters();
        renderFinalMetrics();
        refreshArtifacts(true);
    }

    private void problem(String message, String id) {
        Button drop = new Button("remove", e -> navigate(selection.without(id)));
        drop.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        Div line = new Div(new Span(message), drop);
        line.addClassName("compare-problem");
        problems.add(line);
    }

    private void renderRunBar() {
        runBar.removeAll();
        List<String> experiments = runs.stream().map(RunRecord::experimentId).distinct().toList();
        boolean oneExperiment = experiments.size() == 1;
        subtitle.setText(runs.isEmpty() ? "" : runs.size() + (runs.size() == 1 ? " run of " : " runs of ")
                + (oneExperiment ? experiments.get(0) : experiments.size() + " experiments"));
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            RouterLink link = new RouterLink(shortId(run.id()), RunView.class, new RouteParameters("runId", run.id()));
            link.getElement().setAttribute("title", run.id());
            link.addClassName("compare-run-id");
            Span experiment = new Span(run.experimentId());
            experiment.addClassName("compare-run-experiment");
            Span status = new Span(run.status().name());
            status.addClassNames("compare-status", "status-" + run.status().name().toLowerCase(java.util.Locale.ROOT));
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> navigate(selection.without(idInSelection(run))));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            remove.addClassName("compare-remove");
            remove.setAriaLabel("remove run " + shortId(run.id()) + " from the comparison");
            remove.setTooltipText("remove from the comparison");
            Div chip = new Div(swatch(i), link, status, remove);
            if (!oneExperiment) chip.addComponentAtIndex(2, experiment);
            chip.addClassName("compare-run");
            chip.getElement().setAttribute("data-run-id", run.id());
            runBar.add(chip);
        }
        runBar.setVisible(!runs.isEmpty());
    }

    /** The id as the URL names the run (it may be a prefix), so that removing it rewrites the URL right. */
    private String idInSelection(RunRecord run) {
        return selection.ids().stream().filter(id -> run.id().startsWith(id)).findFirst().orElse(run.id());
    }

    private static Span swatch(int index) {
        Span s = new Span();
        s.addClassName("compare-swatch");
        s.getStyle().set("background", SeriesChart.paletteColor(index));
        return s;
    }

    /** The id as shown: in full (ids read like {@code 20261123-173120-ff42}), only UUID-long ones cut to 8 characters. */
    private static String shortId(String id) {
        return id.length() > 24 ? id.substring(0, 8) : id;
    }

    private Component runHeading(int index) {
        Span id = new Span(shortId(runs.get(index).id()));
        id.getElement().setAttribute("title", runs.get(index).id());
        Span heading = new Span(swatch(index), id);
        heading.addClassName("compare-run-heading");
        return heading;
    }

    // ---- metric chart ---------------------------------------------------------------------------------

    /** Re-reads the metric keys of the runs; on the first call (or when there was none) picks the default. */
    private void refreshMetricKeys(boolean pickDefault) {
        List<List<String>> keysPerRun = runs.stream().map(r -> store.metricKeys(r.id())).toList();
        List<String> union = keysPerRun.stream().flatMap(List::stream).distinct().sorted().toList();
        String current = metric.getValue();
        boolean lost = current != null && !union.contains(current);
        if (!union.equals(metricKeys)) {
            metricKeys = union;
            updatingMetricItems = true;
            try {
                metric.setItems(union);
                if (current != null && union.contains(current)) metric.setValue(current);
            } finally {
                updatingMetricItems = false;
            }
        }
        boolean none = union.isEmpty();
        noMetrics.setVisible(none);
        chart.setVisible(!none);
        metric.setVisible(!none);
        if (pickDefault || lost || (current == null && !none)) {
            String choice = CompareDefaults.metric(keysPerRun).orElse(null);
            if (choice != null && !choice.equals(metric.getValue())) {
                metric.setValue(choice);     // the listener reads and draws it
            } else {
                showMetric(choice, true);
            }
        }
    }

    /** Reads every point of {@code key} for every run (page by page) and draws them. */
    private void showMetric(String key, boolean chooseAxis) {
        series.clear();
        if (key == null) {
            chart.setSeries(List.of());
            return;
        }
        for (RunRecord run : runs) {
            SeriesBuffer buffer = new SeriesBuffer();
            series.put(run.id(), buffer);
            readNewPoints(run.id(), key, buffer);
        }
        if (chooseAxis) {
            boolean lossLike = key.toLowerCase(java.util.Locale.ROOT).contains("loss");
            chart.setLogY(lossLike && series.values().stream().allMatch(b -> b.size() == 0 || b.allPositive()));
        }
        drawChart(key);
    }

    /** Appends the points after the buffer's last step; returns how many were read. */
    private int readNewPoints(String runId, String key, SeriesBuffer buffer) {
        int read = 0;
        while (true) {
            List<MetricPoint> page = store.metrics(runId, key, buffer.lastStep(), PAGE);
            buffer.append(page);
            read += page.size();
            if (page.size() < PAGE) return read;
        }
    }

    private void drawChart(String key) {
        List<ChartSeries> list = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            SeriesBuffer buffer = series.get(run.id());
            if (buffer == null) continue;
            list.add(buffer.toSeries(shortId(run.id()), SeriesChart.paletteColor(i)));
        }
        chart.setSeries(list);
    }

    // ---- parameter table ------------------------------------------------------------------------------

    private void renderParameters() {
        parameters.getHead().removeAllRows();
        parameters.getHead().addRows(headerRow("parameter"));
        NativeTableBody body = parameters.getBody();
        body.removeAllRows();
        boolean groupStarted = false;
        for (ParameterRow row : ParameterDiff.rows(runs)) {
            if (!row.provenance() && !groupStarted) {
                body.addRows(groupRow("parameters"));
                groupStarted = true;
            }
            NativeTableRow tr = new NativeTableRow();
            tr.addClassName("compare-row");
            if (row.provenance()) tr.addClassName("provenance");
            if (row.differs()) tr.addClassName("differs");
            tr.getElement().setAttribute("data-parameter", row.name());
            NativeTableHeaderCell name = new NativeTableHeaderCell(row.name());
            name.getElement().setAttribute("scope", "row");
            tr.add(name);
            for (String value : row.values()) {
                NativeTableCell td = new NativeTableCell(value == null ? "—" : value);
                if (value == null) td.addClassName("missing");
                tr.add(td);
            }
            body.addRows(tr);
        }
        NativeTableCell same = new NativeTableCell("These runs have the same parameters, seed, plugin version and backend.");
        same.setColspan(runs.size() + 1);
        NativeTableRow sameRow = new NativeTableRow(same);
        sameRow.addClassName("compare-no-differences");
        body.addRows(sameRow);
        applyDifferenceFilter();
    }

    private NativeTableRow headerRow(String first) {
        NativeTableRow tr = new NativeTableRow();
        tr.add(new NativeTableHeaderCell(first));
        for (int i = 0; i < runs.size(); i++) {
            NativeTableHeaderCell th = new NativeTableHeaderCell(runHeading(i));
            th.getElement().setAttribute("scope", "col");
            tr.add(th);
        }
        return tr;
    }

    private NativeTableRow groupRow(String label) {
        NativeTableHeaderCell th = new NativeTableHeaderCell(label);
        th.getElement().setAttribute("colspan", Integer.toString(runs.size() + 1));
        NativeTableRow tr = new NativeTableRow(th);
        tr.addClassName("compare-group");
        return tr;
    }

    private void applyDifferenceFilter() {
        boolean only = onlyDifferences.getValue();
        List<NativeTableRow> rows = parameters.getBody().getRows();
        boolean anyDifference = rows.stream().anyMatch(row -> row.hasClassName("differs"));
        rows.forEach(row -> {
            if (row.hasClassName("compare-row")) row.setVisible(!only || row.hasClassName("differs"));
            if (row.hasClassName("compare-no-differences")) row.setVisible(only && !anyDifference);
        });
    }

    // ---- final metrics --------------------------------------------------------------------------------

    private void renderFinalMetrics() {
        finalMetrics.getHead().removeAllRows();
        finalMetrics.getHead().addRows(headerRow("metric"));
        NativeTableBody body = finalMetrics.getBody();
        body.removeAllRows();
        List<MetricRow> metricRows = MetricComparison.metricRows(
                runs.stream().map(r -> store.metricStats(r.id())).toList(), this::goalOf);
        if (!metricRows.isEmpty()) body.addRows(groupRow("last value · best value"));
        metricRows.forEach(row -> body.addRows(metricRow(row, false)));
        List<MetricRow> summaryRows = MetricComparison.summaryRows(runs.stream().map(RunRecord::summary).toList(), this::goalOf);
        if (!summaryRows.isEmpty()) body.addRows(groupRow("summary"));
        summaryRows.forEach(row -> body.addRows(metricRow(row, true)));
        if (metricRows.isEmpty() && summaryRows.isEmpty()) body.addRows(groupRow("no metrics or summaries yet"));
    }

    private NativeTableRow metricRow(MetricRow row, boolean summary) {
        NativeTableRow tr = new NativeTableRow();
        tr.getElement().setAttribute(summary ? "data-summary" : "data-metric", row.key());
        Span goal = new Span(row.goal() == MetricGoal.MAXIMIZE ? " ↑" : " ↓");
        goal.addClassName("compare-goal");
        goal.getElement().setAttribute("title", row.goal() == MetricGoal.MAXIMIZE ? "higher is better" : "lower is better");
        NativeTableHeaderCell name = new NativeTableHeaderCell(new Span(row.key()), goal);
        name.getElement().setAttribute("scope", "row");
        tr.add(name);
        for (int i = 0; i < row.cells().size(); i++) {
            MetricRow.Cell cell = row.cells().get(i);
            NativeTableCell td = new NativeTableCell();
            if (cell == null) {
                td.setText("—");
                td.addClassName("missing");
            } else if (summary) {
                td.setText(Formats.number(cell.last()));
            } else {
                Span last = new Span(Formats.number(cell.last()));
                Span best = new Span((row.goal() == MetricGoal.MAXIMIZE ? "max " : "min ") + Formats.number(cell.best()));
                best.addClassName("compare-best-value");
                td.add(last, best);
            }
            if (row.bestRuns().contains(i)) {
                Span star = new Span("★");
                star.addClassName("compare-star");
                td.addComponentAsFirst(star);
                td.addClassName("best");
                td.getElement().setAttribute("title", "best of the compared runs");
            }
            tr.add(td);
        }
        return tr;
    }

    /** Which way {@code key} improves, as the compared runs' experiments declare it (MINIMIZE when none does). */
    private MetricGoal goalOf(String key) {
        MetricGoal fallback = MetricGoal.MINIMIZE;
        for (RunRecord run : runs) {
            Optional<CatalogEntry> entry = catalog.find(run.experimentId());
            if (entry.isEmpty()) continue;
            if (entry.get().descriptor().goals().containsKey(key)) return entry.get().descriptor().goalOf(key);
        }
        return fallback;
    }

    // ---- artifacts ------------------------------------------------------------------------------------

    private void refreshArtifacts(boolean pickDefault) {
        List<List<ArtifactInfo>> perRun = runs.stream().map(r -> store.artifacts(r.id())).toList();
        List<String> names = CompareDefaults.artifactNames(perRun);
        String current = artifact.getValue();
        artifact.setItemLabelGenerator(name -> label(name, perRun));
        updatingArtifactItems = true;
        try {
            artifact.setItems(names);
        } finally {
            updatingArtifactItems = false;
        }
        artifact.setVisible(!names.isEmpty());
        String choice = !pickDefault && current != null && names.contains(current) ? current
                : CompareDefaults.artifact(perRun).orElse(null);
        if (Objects.equals(choice, artifact.getValue())) {
            showArtifact(choice);
        } else {
            artifact.setValue(choice);   // the listener draws it
        }
    }

    private static String label(String name, List<List<ArtifactInfo>> perRun) {
        for (List<ArtifactInfo> list : perRun) {
            for (ArtifactInfo a : list) {
                if (a.name().equals(name)) {
                    return a.title() == null || a.title().isBlank() || a.title().equals(name) ? name : a.title() + " (" + name + ")";
                }
            }
        }
        return name;
    }

    private void showArtifact(String name) {
        artifacts.removeAll();
        if (name == null) {
            Span none = new Span("None of these runs has stored an artifact yet.");
            none.addClassName("compare-note");
            artifacts.add(none);
            return;
        }
        for (int i = 0; i < runs.size(); i++) {
            RunRecord run = runs.get(i);
            Div column = new Div(runHeading(i));
            column.addClassName("compare-artifact-column");
            column.getElement().setAttribute("data-run-id", run.id());
            Optional<ArtifactInfo> info = store.artifacts(run.id()).stream().filter(a -> a.name().equals(name)).findFirst();
            if (info.isEmpty()) {
                Span missing = new Span("This run has no artifact \"" + name + "\"" + (run.status().terminal() ? "." : " (yet)."));
                missing.addClassName("compare-note");
                column.add(missing);
            } else {
                column.add(render(run.id(), info.get()));
            }
            artifacts.add(column);
        }
    }

    private Component render(String runId, ArtifactInfo info) {
        try {
            return ArtifactViews.render(store, runId, info);
        } catch (RuntimeException e) {
            Span failed = new Span("Could not draw artifact \"" + info.name() + "\": " + e.getMessage());
            failed.addClassName("compare-problem");
            return failed;
        }
    }

    // ---- live updates ---------------------------------------------------------------------------------

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Lab.events().subscribeUntilDetached(this, attachEvent.getUI(), new LabEvents.Subscriber() {
            @Override
            public void tick() {
                CompareView.this.tick();
            }
        });
    }


    /** Reads what the live runs added since the last tick: new points, status changes, new keys and artifacts. */
    private void tick() {
        if (runs.size() < 2) return;
        ticks++;
        boolean anyLive = false;
        boolean statusChanged = false;
        boolean newPoints = false;
        String key = metric.getValue();
        for (int i = 0; i < runs.size(); i++) {
            RunRecord before = runs.get(i);
            if (before.status().terminal()) continue;
            RunRecord now = store.find(before.id()).orElse(before);
            runs.set(i, now);
            if (now.status() != before.status()) statusChanged = true;
            if (!now.status().terminal()) anyLive = true;
            SeriesBuffer buffer = series.get(now.id());
            if (key != null && buffer != null && readNewPoints(now.id(), key, buffer) > 0) newPoints = true;
        }
        if (newPoints) drawChart(key);
        if (statusChanged) {
            renderRunBar();
            refreshMetricKeys(false);
            renderParameters();
            renderFinalMetrics();
            refreshArtifacts(false);
        } else if (anyLive && ticks % STATS_EVERY_TICKS == 0) {
            refreshMetricKeys(false);
            renderFinalMetrics();
        }
    }
}
