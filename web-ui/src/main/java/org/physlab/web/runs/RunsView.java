package org.physlab.web.runs;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.physlab.api.MetricGoal;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.runs.QueueOrder;
import org.physlab.store.MetricStats;
import org.physlab.store.RunQuery;
import org.physlab.store.RunRecord;
import org.physlab.store.RunSort;
import org.physlab.store.RunStatus;
import org.physlab.store.RunStore;
import org.physlab.web.Formats;
import org.physlab.web.Lab;
import org.physlab.web.MainLayout;
import org.physlab.web.live.LabEvents;
import org.physlab.web.run.RunView;

/**
 * Every run in one grid, paged lazily from the store: status, experiment, key parameters, headline
 * metrics (last, min and best of the chosen metric), duration, tags and user. Filters by experiment,
 * status, tag, parameter value and metric range; sorts on the server; several selected runs open in
 * Compare. New runs and status changes (from any tab or process) appear without a reload.
 */
@Route(value = "runs", layout = MainLayout.class)
@PageTitle("Runs · Physlab")
public class RunsView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;
    /** Refresh visible running rows every this many ticks (about 2 s). */
    private static final int TICKS_PER_PROGRESS_REFRESH = 3;

    /**
     * One grid row: the run, its metric statistics, and (while it waits in this server's queue) its
     * place, read with its page.
     */
    record Row(RunRecord run, Map<String, MetricStats> stats, QueueOrder.Place queuePlace) {
        String id() { return run.id(); }
    }

    private final RunFilterForm form = new RunFilterForm();
    private final ComboBox<String> experiment = new ComboBox<>("Experiment");
    private final Select<RunStatus> status = new Select<>();
    private final ComboBox<String> tag = new ComboBox<>("Tag");
    private final TextField parameter = new TextField("Parameter");
    private final ComboBox<String> metric = new ComboBox<>("Metric");
    private final NumberField metricMin = new NumberField("Last ≥");
    private final NumberField metricMax = new NumberField("Last ≤");
    private final TextField search = new TextField();
    private final Button compare = new Button("Compare", VaadinIcon.SPLIT_H.create());
    private final Span total = new Span();
    private final Grid<Row> grid = new Grid<>();
    private final CallbackDataProvider<Row, Void> runs;
    private final Map<String, MetricGoal> goals = new ConcurrentHashMap<>();
    private Grid.Column<Row> lastColumn;
    private Grid.Column<Row> minColumn;
    private Grid.Column<Row> bestColumn;
    private String headlineKey;
    private volatile boolean activeRowsShown;
    private int ticks;
    private boolean settingFilters;

    public RunsView() {
        setSizeFull();
        setPadding(true);
        setSpacing(false);
        runs = new CallbackDataProvider<>(q -> fetch(q.getSortOrders(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, count()), Row::id);
        add(header(), filters(), grid());
        setFlexGrow(1, grid);
    }

    // ---- layout -----------------------------------------------------------------------------------------

    private Component header() {
        H2 title = new H2("Runs");
        title.getStyle().set("margin", "0");
        total.setId("runs-total");
        total.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        compare.setId("compare-button");
        compare.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        compare.setEnabled(false);
        compare.setTooltipText("Select two or more runs to compare them");
        compare.addClickListener(e -> openCompare());
        HorizontalLayout header = new HorizontalLayout(title, total, search, clearButton(), compare);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(total);
        return header;
    }

    private Component filters() {
        experiment.setId("filter-experiment");
        experiment.setClearButtonVisible(true);
        experiment.setPlaceholder("any");
        experiment.setWidth("11em");
        status.setId("filter-status");
        status.setLabel("Status");
        status.setItems(RunStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("any");
        status.setWidth("8em");
        tag.setId("filter-tag");
        tag.setClearButtonVisible(true);
        tag.setPlaceholder("any");
        tag.setWidth("7em");
        parameter.setId("filter-parameter");
        parameter.setPlaceholder("name=value");
        parameter.setClearButtonVisible(true);
        parameter.setValueChangeMode(ValueChangeMode.LAZY);
        parameter.setTooltipText("Runs whose parameter equals the value, e.g. epochs=200; several: lr=0.01; act=tanh");
        parameter.setWidth("9em");
        metric.setId("filter-metric");
        metric.setClearButtonVisible(true);
        metric.setPlaceholder("headline");
        metric.setTooltipText("The metric shown as last / min / best, sorted and filtered by its last value");
        metric.setWidth("8em");
        metricMin.setId("filter-metric-min");
        metricMax.setId("filter-metric-max");
        for (NumberField f : List.of(metricMin, metricMax)) {
            f.setWidth("5em");
            f.setClearButtonVisible(true);
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        search.setId("filter-search");
        search.setLabel(null);
        search.setPlaceholder("id, experiment, tag");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setWidth("13em");

        experiment.addValueChangeListener(e -> {
            if (!settingFilters) {
                loadChoices();
                filtersChanged();
            }
        });
        status.addValueChangeListener(e -> onFilterEdit());
        tag.addValueChangeListener(e -> onFilterEdit());
        parameter.addValueChangeListener(e -> onFilterEdit());
        metric.addValueChangeListener(e -> onFilterEdit());
        metricMin.addValueChangeListener(e -> onFilterEdit());
        metricMax.addValueChangeListener(e -> onFilterEdit());
        search.addValueChangeListener(e -> onFilterEdit());

        FlexLayout bar = new FlexLayout(experiment, status, tag, parameter, metric, metricMin, metricMax);
        bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.getStyle().set("gap", "0 var(--lumo-space-s)");
        bar.setWidthFull();
        return bar;
    }

    private Component clearButton() {
        Button clear = new Button("Clear filters", e -> clearFilters());
        clear.setId("filter-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return clear;
    }

    private Component grid() {
        grid.setId("runs-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setPageSize(PAGE);
        grid.setMultiSort(false);
        grid.setSizeFull();

        grid.addColumn(new ComponentRenderer<>(this::idLink)).setHeader("Run").setKey("id")
                .setSortProperty("created").setWidth("11.5em").setFlexGrow(0).setFrozen(true);
        grid.addColumn(new ComponentRenderer<>(r -> badge(r.run()))).setHeader("Status").setKey("status")
                .setSortProperty("status").setWidth("7em").setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(RunsView::queueCell)).setHeader(headerText("Queue",
                        "place in the queue: 1 starts next (fair share between users, then priority, then first in first out)"))
                .setKey("queue").setTextAlign(ColumnTextAlign.END).setWidth("4.5em").setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::experimentCell)).setHeader("Experiment")
                .setKey("experiment").setSortProperty("experiment").setWidth("11em").setFlexGrow(1);
        lastColumn = grid.addColumn(r -> headline(r, HeadlineMetric::last)).setKey("metric-last")
                .setTextAlign(ColumnTextAlign.END).setWidth("5.8em").setFlexGrow(0);
        minColumn = grid.addColumn(r -> headline(r, HeadlineMetric::min)).setKey("metric-min")
                .setTextAlign(ColumnTextAlign.END).setWidth("5.8em").setFlexGrow(0);
        bestColumn = grid.addColumn(r -> headline(r, HeadlineMetric::best)).setKey("metric-best")
                .setTextAlign(ColumnTextAlign.END).setWidth("5.8em").setFlexGrow(0);
        grid.addColumn(r -> r.run().startedAt() == null ? "" : Formats.duration(r.run().durationSeconds()))
                .setHeader("Duration").setKey("duration").setSortProperty("duration")
                .setTextAlign(ColumnTextAlign.END).setWidth("5em").setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(RunsView::created)).setHeader("Created").setKey("created")
                .setSortProperty("created").setWidth("7.5em").setFlexGrow(0);
        setHeadlineHeaders();

        grid.setItems(runs);
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            compare.setEnabled(n >= 2);
            compare.setText(n >= 2 ? "Compare " + n : "Compare");
        });
        grid.addItemClickListener(e -> {
            if (e.getColumn() != null) { // not the selection checkbox
                UI.getCurrent().navigate(RunView.class, new com.vaadin.flow.router.RouteParameters("runId", e.getItem().id()));
            }
        });
        return grid;
    }

    // ---- cells ------------------------------------------------------------------------------------------------

    private Component idLink(Row r) {
        RouterLink link = new RouterLink(r.id(), RunView.class, new com.vaadin.flow.router.RouteParameters("runId", r.id()));
        link.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)")
                .set("font-size", "var(--lumo-font-size-xs)");
        link.getElement().setAttribute("data-run-id", r.id());
        return link;
    }

    /** The queue position of a waiting run ("#3"), with why it waits as its tooltip; empty for other runs. */
    private static Component queueCell(Row r) {
        Span cell = new Span();
        QueueOrder.Place place = r.queuePlace();
        if (place == null) return cell;
        cell.setText("#" + place.position());
        cell.getElement().setAttribute("data-queue-position", String.valueOf(place.position()));
        cell.setTitle(place.waitingFor() == null ? "starting" : "waiting for " + place.waitingFor()
                + (place.run().priority() != 0 ? " (priority " + place.run().priority() + ")" : ""));
        return cell;
    }

    private static Component badge(RunRecord run) {
        Span badge = new Span(RunCells.status(run.status(), run.progress()));
        String c = RunCells.colour(run.status());
        badge.getElement().setAttribute("data-status", run.status().name());
        badge.getStyle().set("display", "inline-block").set("padding", "0 0.55em").set("border-radius", "var(--lumo-border-radius-l)")
                .set("font-size", "var(--lumo-font-size-xs)").set("font-weight", "600").set("line-height", "1.7")
                .set("color", "var(--lumo-" + c + "-text-color, var(--lumo-body-text-color))")
                .set("background", "var(--lumo-" + c + "-color-10pct)");
        if (run.error() != null) {
            badge.setTitle(run.error());
        } else if (!run.progressMessage().isEmpty()) {
            badge.setTitle(run.progressMessage());
        }
        return badge;
    }

    private Component experimentCell(Row r) {
        Span name = new Span(r.run().experimentId());
        name.getStyle().set("font-weight", "500").set("margin-right", "var(--lumo-space-xs)");
        HorizontalLayout first = new HorizontalLayout(name, tags(r));
        first.setSpacing(false);
        first.setAlignItems(FlexComponent.Alignment.CENTER);
        VerticalLayout cell = new VerticalLayout(first, parameters(r));
        cell.setPadding(false);
        cell.setSpacing(false);
        cell.getStyle().set("line-height", "1.35");
        return cell;
    }

    /** When and by whom: the date and time, the user below it. */
    private static Component created(Row r) {
        Span text = new Span(Formats.time(r.run().createdAt()).replaceFirst("^\\d{4}-", ""));
        text.setTitle(Formats.time(r.run().createdAt()));
        text.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Span user = new Span(r.run().user() == null ? "" : r.run().user());
        user.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)");
        Div cell = new Div(text, user);
        cell.getStyle().set("display", "flex").set("flex-direction", "column").set("line-height", "1.3");
        return cell;
    }

    private Component parameters(Row r) {
        Map<String, Object> defaults = Lab.current().plugins().find(r.run().experimentId())
                .map(e -> e.descriptor().parameters().defaults()).orElse(Map.of());
        Span text = new Span(RunCells.parameters(RunCells.keyParametersFirst(r.run().parameters(), defaults), 90));
        text.setTitle(RunCells.parameters(r.run().parameters()) + "\nseed=" + r.run().seed());
        text.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-secondary-text-color)")
                .set("white-space", "nowrap").set("overflow", "hidden").set("text-overflow", "ellipsis").set("max-width", "100%");
        return text;
    }

    private Component tags(Row r) {
        HorizontalLayout chips = new HorizontalLayout();
        chips.setSpacing(false);
        chips.getStyle().set("gap", "var(--lumo-space-xs)");
        for (String t : r.run().tags()) {
            Span chip = new Span(t);
            chip.getStyle().set("font-size", "var(--lumo-font-size-xxs)").set("padding", "0 0.4em")
                    .set("border-radius", "var(--lumo-border-radius-s)").set("background", "var(--lumo-contrast-10pct)");
            chips.add(chip);
        }
        return chips;
    }

    private String headline(Row r, java.util.function.ToDoubleFunction<HeadlineMetric> part) {
        if (headlineKey == null) return "";
        MetricStats s = r.stats().get(headlineKey);
        if (s == null) return "";
        return Formats.number(part.applyAsDouble(HeadlineMetric.of(s, goal(r.run().experimentId(), headlineKey))));
    }

    private MetricGoal goal(String experimentId, String key) {
        return goals.computeIfAbsent(experimentId + "\u0000" + key, k -> lab().plugins().find(experimentId)
                .map((CatalogEntry e) -> e.descriptor().goalOf(key)).orElse(MetricGoal.MINIMIZE));
    }

    private void setHeadlineHeaders() {
        String key = headlineKey == null ? "metric" : headlineKey;
        lastColumn.setHeader(headerText(key + " last", "the value at the highest step"));
        minColumn.setHeader(headerText("min", "the lowest value logged"));
        bestColumn.setHeader(headerText("best", "the lowest value, or the highest where the experiment maximizes " + key));
        lastColumn.setSortProperty(headlineKey == null ? new String[0] : new String[] {"metric:" + headlineKey});
        lastColumn.setSortable(headlineKey != null);
    }

    private static Component headerText(String text, String tooltip) {
        Span s = new Span(text);
        s.setTitle(tooltip);
        return s;
    }

    // ---- data ---------------------------------------------------------------------------------------------------

    private RunQuery query() {
        return form.toQuery(RunSort.NEWEST_FIRST, PAGE);
    }

    private List<Row> fetch(List<QuerySortOrder> sortOrders, int offset, int limit) {
        RunSort sort = RunSort.NEWEST_FIRST;
        if (!sortOrders.isEmpty()) {
            QuerySortOrder o = sortOrders.get(0);
            sort = RunSort.parse((o.getDirection() == SortDirection.DESCENDING ? "-" : "") + o.getSorted());
        }
        RunStore store = lab().store();
        List<RunRecord> page = store.list(query().sortedBy(sort).page(offset, limit));
        Map<String, Map<String, MetricStats>> stats = store.metricStats(page.stream().map(RunRecord::id).toList());
        activeRowsShown = page.stream().anyMatch(r -> !r.status().terminal());
        Map<String, QueueOrder.Place> places = new HashMap<>();
        if (page.stream().anyMatch(r -> r.status() == RunStatus.QUEUED)) {
            for (QueueOrder.Place p : lab().runs().queue().places()) places.put(p.run().runId(), p);
        }
        List<Row> rows = new ArrayList<>(page.size());
        for (RunRecord r : page) {
            rows.add(new Row(r, stats.getOrDefault(r.id(), Map.of()), places.get(r.id())));
        }
        return rows;
    }

    private long count() {
        long n = lab().store().count(query());
        total.setText(n == 1 ? "1 run" : n + " runs");
        return n;
    }

    private static Physlab lab() {
        return Lab.current();
    }

    // ---- filters -------------------------------------------------------------------------------------------

    private void onFilterEdit() {
        if (!settingFilters) filtersChanged();
    }

    private void filtersChanged() {
        form.experiment(experiment.getValue()).status(status.getValue()).tag(tag.getValue())
                .parameters(parameter.getValue()).metric(metric.getValue(), metricMin.getValue(), metricMax.getValue())
                .text(search.getValue());
        form.toQuery(RunSort.NEWEST_FIRST, PAGE);
        showProblems();
        String key = metric.getValue() != null ? metric.getValue() : defaultHeadlineKey();
        if (!java.util.Objects.equals(key, headlineKey)) {
            headlineKey = key;
            setHeadlineHeaders();
            grid.sort(List.of());
        }
        runs.refreshAll();
        updateLink();
    }

    private void showProblems() {
        Map<String, String> problems = form.problems();
        String p = problems.get(RunFilterForm.PARAMETER);
        parameter.setInvalid(p != null);
        parameter.setErrorMessage(p);
        String m = problems.get(RunFilterForm.METRIC_RANGE);
        for (NumberField f : List.of(metricMin, metricMax)) {
            f.setInvalid(m != null);
            f.setErrorMessage(m);
        }
        metric.setInvalid(m != null && metric.getValue() == null);
        metric.setErrorMessage(m != null && metric.getValue() == null ? m : null);
    }

    /** The metric most runs in view log, preferring "loss"; null when none logged any. */
    private String defaultHeadlineKey() {
        List<String> keys = lab().store().metricKeysOf(experiment.getValue());
        if (keys.isEmpty()) return null;
        return keys.contains("loss") ? "loss" : keys.get(0);
    }

    private void clearFilters() {
        settingFilters = true;
        try {
            experiment.clear();
            status.clear();
            tag.clear();
            parameter.clear();
            metric.clear();
            metricMin.clear();
            metricMax.clear();
            search.clear();
        } finally {
            settingFilters = false;
        }
        loadChoices();
        filtersChanged();
    }

    /** The choices of the experiment, tag and metric boxes, from the stored runs and the installed experiments. */
    private void loadChoices() {
        RunStore store = lab().store();
        Set<String> experiments = new TreeSet<>(store.experimentIds());
        lab().plugins().experiments().forEach(e -> experiments.add(e.descriptor().id()));
        keepValue(experiment, new ArrayList<>(experiments));
        keepValue(tag, store.tags(experiment.getValue()));
        keepValue(metric, store.metricKeysOf(experiment.getValue()));
    }

    private void keepValue(ComboBox<String> box, List<String> items) {
        String value = box.getValue();
        boolean was = settingFilters;
        settingFilters = true;
        try {
            List<String> all = new ArrayList<>(items);
            if (value != null && !all.contains(value)) {
                all.add(value);
                all.sort(Comparator.naturalOrder());
            }
            box.setItems(all);
            box.setValue(value);
        } finally {
            settingFilters = was;
        }
    }

    private void updateLink() {
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new Location("runs", QueryParameters.simple(form.toLink()))));
    }

    private void openCompare() {
        List<String> ids = grid.getSelectedItems().stream().map(Row::id).sorted().toList();
        if (ids.size() >= 2) {
            UI.getCurrent().navigate("compare", QueryParameters.simple(Map.of("runs", String.join(",", ids))));
        }
    }

    // ---- navigation and live updates ----------------------------------------------------------------------

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        form.fromLink(event.getLocation().getQueryParameters().getParameters());
        settingFilters = true;
        try {
            loadChoices();
            experiment.setValue(form.experimentId());
            loadChoices();
            status.setValue(form.status());
            tag.setValue(form.tag());
        } finally {
            settingFilters = false;
        }
        String bad = form.problems().get(RunFilterForm.STATUS);
        status.setInvalid(bad != null);
        status.setErrorMessage(bad);
        filtersChanged();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Lab.events().subscribeUntilDetached(this, attachEvent.getUI(), new LabEvents.Subscriber() {
            @Override
            public void runsChanged() {
                loadChoices();
                if (headlineKey == null && metric.getValue() == null) {
                    headlineKey = defaultHeadlineKey();
                    if (headlineKey != null) setHeadlineHeaders();
                }
                runs.refreshAll();
            }

            @Override
            public void tick() {
                if (activeRowsShown && ++ticks % TICKS_PER_PROGRESS_REFRESH == 0) {
                    runs.refreshAll();
                }
            }
        });
    }

}
