package org.physlab.web.launch;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.formlayout.FormLayout.ResponsiveStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.physlab.api.FieldError;
import org.physlab.api.InvalidParametersException;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.runtime.Physlab;
import org.physlab.server.auth.Caller;
import org.physlab.store.Role;
import org.physlab.web.security.WebAccess;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.runtime.runs.LaunchRequest;
import org.physlab.runtime.runs.UnknownExperimentException;
import org.physlab.store.RunRecord;
import org.physlab.web.Lab;
import org.physlab.web.MainLayout;
import org.physlab.web.experiments.ExperimentsView;
import org.physlab.web.live.LabEvents;
import org.physlab.web.runs.RunsView;

/**
 * Launches a run of one experiment from a form generated from its parameter schema: one input per
 * parameter ({@code param-<name>}) grouped as the schema groups them, plus seed, tags and notes.
 * The server validates; every field error is shown at once on its field and in {@code launch-errors}.
 * {@code ?from=<runId>&mode=rerun|clone} pre-fills the form from an earlier run.
 */
@Route(value = "launch/:experimentId", layout = MainLayout.class)
public class LaunchView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private static final long serialVersionUID = 1L;

    private final Div header = new Div();
    private final Div notice = new Div();
    private final Div form = new Div();
    private final Div errorsBox = new Div();
    private final TextField seed = new TextField("Seed");
    private final TextField tags = new TextField("Tags");
    private final TextArea notes = new TextArea("Notes");
    private final Button submit = new Button("Launch");
    private final Map<String, ParameterField> fields = new LinkedHashMap<>();
    private final Details runSection;
    private final HorizontalLayout actions;

    private String experimentId = "";
    private CatalogEntry entry;

    public LaunchView() {
        setMaxWidth("1100px");
        setPadding(true);
        setSpacing(false);

        notice.setId("launch-prefill");
        notice.setVisible(false);
        notice.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin", "var(--lumo-space-s) 0")
                .set("border-radius", "var(--lumo-border-radius-m)").set("background", "var(--lumo-primary-color-10pct)");

        form.setWidthFull();

        errorsBox.setId("launch-errors");
        errorsBox.setVisible(false);
        errorsBox.setWidthFull();
        errorsBox.getStyle().set("box-sizing", "border-box").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("margin-top", "var(--lumo-space-m)").set("border-radius", "var(--lumo-border-radius-m)")
                .set("background", "var(--lumo-error-color-10pct)").set("color", "var(--lumo-error-text-color)");

        seed.setId("launch-seed");
        seed.setPlaceholder("random");
        seed.setHelperText("a whole number; empty = a fresh random seed (recorded with the run)");
        seed.addValueChangeListener(e -> seed.setInvalid(false));
        tags.setId("launch-tags");
        tags.setPlaceholder("baseline, sweep-3");
        tags.setHelperText("comma-separated");
        notes.setId("launch-notes");
        notes.setPlaceholder("what this run is for");
        notes.setMaxHeight("8em");

        submit.setId("launch-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER).listenOn(form);
        submit.setDisableOnClick(true);
        submit.addClickListener(e -> launch());
        if (!WebAccess.has(Role.MEMBER)) {
            submit.setEnabled(false);
            submit.setTooltipText("Viewers may look at the form but not launch; ask an admin for the member role");
        }

        FormLayout runFields = new FormLayout(seed, tags, notes);
        runFields.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
        runFields.setColspan(notes, 2);
        runSection = section("Run", runFields);

        actions = new HorizontalLayout(submit);
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.setWidthFull();
        // The launch button stays in sight at the bottom while one scrolls through a long form.
        actions.getStyle().set("position", "sticky").set("bottom", "0").set("z-index", "1")
                .set("background", "var(--lumo-base-color)").set("padding", "var(--lumo-space-s) 0")
                .set("border-top", "1px solid var(--lumo-contrast-10pct)").set("margin-top", "var(--lumo-space-s)");
        add(header, notice, form, runSection, errorsBox, actions);
    }

    @Override
    public String getPageTitle() {
        return "Launch " + (entry == null ? experimentId : entry.descriptor().title()) + " · Physlab";
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        experimentId = event.getRouteParameters().get("experimentId").orElse("");
        entry = Lab.current().plugins().find(experimentId).orElse(null);
        fields.clear();
        form.removeAll();
        errorsBox.setVisible(false);
        notice.setVisible(false);
        if (entry == null) {
            showMissing();
            return;
        }
        buildForm(entry, LaunchForm.defaults(entry.descriptor().parameters()));
        QueryParameters query = event.getLocation().getQueryParameters();
        Optional<String> from = query.getSingleParameter("from");
        if (from.isPresent()) prefill(from.get().trim(), query.getSingleParameter("mode").orElse("rerun").trim());
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        Lab.events().subscribeUntilDetached(this, attachEvent.getUI(), new LabEvents.Subscriber() {
            @Override
            public void catalogChanged() {
                catalogMayHaveChanged();
            }
        });
    }


    // ---- building -------------------------------------------------------------------------

    private void showMissing() {
        header.removeAll();
        header.add(new H2("Launch " + experimentId));
        Paragraph p = new Paragraph("No installed plugin offers the experiment '" + experimentId
                + "'. It may have been removed, or the link is wrong.");
        p.setId("launch-missing");
        p.getStyle().set("color", "var(--lumo-error-text-color)");
        header.add(p, new RouterLink("See the installed experiments", ExperimentsView.class));
        submit.setEnabled(false);
        runSection.setVisible(false);
        actions.setVisible(false);
    }

    private void buildForm(CatalogEntry e, Map<String, Object> values) {
        header.removeAll();
        H2 title = new H2(e.descriptor().title());
        title.getStyle().set("margin-bottom", "0");
        Span ids = new Span(e.id() + " · plugin " + e.pluginId() + " " + e.pluginVersion());
        ids.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("font-family", "var(--lumo-font-family-monospace, monospace)");
        header.add(title, ids);
        if (!e.descriptor().description().isBlank()) {
            Paragraph description = new Paragraph(e.descriptor().description());
            description.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "var(--lumo-space-s) 0");
            header.add(description);
        }
        RouterLink runs = new RouterLink("Earlier runs of this experiment", RunsView.class);
        runs.setQueryParameters(QueryParameters.of("experiment", e.id()));
        runs.getStyle().set("font-size", "var(--lumo-font-size-s)");
        header.add(runs);

        fields.clear();
        form.removeAll();
        ParameterSchema schema = e.descriptor().parameters();
        Map<String, FormLayout> groups = new LinkedHashMap<>();
        for (Parameter p : schema.parameters()) {
            FormLayout group = groups.computeIfAbsent(p.group().isEmpty() ? "Parameters" : p.group(), g -> {
                FormLayout f = new FormLayout();
                f.setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("600px", 2));
                return f;
            });
            ParameterField field = new ParameterField(p);
            field.setValue(values.get(p.name()));
            fields.put(p.name(), field);
            group.add(field.component());
        }
        if (groups.isEmpty()) {
            Paragraph none = new Paragraph("This experiment takes no parameters.");
            none.getStyle().set("color", "var(--lumo-secondary-text-color)");
            form.add(none);
        }
        groups.forEach((name, layout) -> form.add(section(name, layout)));
        runSection.setVisible(true);
        actions.setVisible(true);
        submit.setEnabled(true);
    }

    private static Details section(String name, com.vaadin.flow.component.Component content) {
        Details details = new Details(name, content);
        details.setOpened(true);
        details.setWidthFull();
        details.addClassName("launch-group");
        details.getStyle().set("margin", "0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        return details;
    }

    private void prefill(String runId, String mode) {
        boolean clone = mode.equals("clone");
        if (!clone && !mode.equals("rerun")) {
            showNotice("Unknown mode '" + mode + "' (use rerun or clone); the form shows the defaults.", true);
            return;
        }
        Physlab lab = Lab.current();
        Optional<RunRecord> found = lab.store().find(runId);
        if (found.isEmpty()) {
            showNotice("No run '" + runId + "' was found; the form shows the defaults.", true);
            return;
        }
        RunRecord run = found.get();
        if (!run.experimentId().equals(experimentId)) {
            showNotice("Run " + run.id() + " is of experiment " + run.experimentId() + ", not " + experimentId
                    + "; the form shows the defaults.", true);
            return;
        }
        LaunchForm.Prefill prefill = LaunchForm.fromRun(entry.descriptor().parameters(), run.parameters());
        prefill.fieldValues().forEach((name, value) -> fields.get(name).setValue(value));
        tags.setValue(LaunchForm.tagsText(run.tags()));
        seed.setValue(clone ? "" : Long.toString(run.seed()));
        StringBuilder text = new StringBuilder(clone
                ? "Cloned from run " + run.id() + ": its parameters" + (run.tags().isEmpty() ? "" : " and tags")
                        + "; a fresh random seed unless you set one."
                : "Re-run of run " + run.id() + ": the same parameters, seed " + run.seed() + " and "
                + (run.tags().isEmpty() ? "no tags." : "tags."));
        if (!prefill.dropped().isEmpty()) {
            text.append(" Dropped (no longer taken by the experiment): ").append(String.join(", ", prefill.dropped())).append('.');
        }
        if (!prefill.defaulted().isEmpty()) {
            text.append(" At their defaults (new since that run): ").append(String.join(", ", prefill.defaulted())).append('.');
        }
        showNotice(text.toString(), false);
    }

    private void showNotice(String text, boolean warning) {
        notice.setText(text);
        notice.getStyle().set("background", warning ? "var(--lumo-error-color-10pct)" : "var(--lumo-primary-color-10pct)")
                .set("color", warning ? "var(--lumo-error-text-color)" : "var(--lumo-body-text-color)");
        notice.setVisible(true);
    }

    /** The plugin may have been removed, updated or installed again while the form is open. */
    private void catalogMayHaveChanged() {
        CatalogEntry now = Lab.current().plugins().find(experimentId).orElse(null);
        if (now == null) {
            if (entry != null) {
                showNotice("The plugin offering " + experimentId + " was removed; the run cannot be launched"
                        + " until it is installed again.", true);
            }
            submit.setEnabled(false);
            return;
        }
        if (entry == null || now.bundleId() != entry.bundleId()) {
            boolean wasMissing = entry == null;
            Map<String, Object> values = new LinkedHashMap<>(LaunchForm.defaults(now.descriptor().parameters()));
            for (Parameter p : now.descriptor().parameters().parameters()) {
                ParameterField old = fields.get(p.name());
                if (old != null && old.parameter().type() == p.type()) values.put(p.name(), LaunchForm.fieldValue(p, old.value()));
            }
            entry = now;
            buildForm(now, values);
            showNotice(wasMissing ? "The plugin offering " + experimentId + " is installed (version " + now.pluginVersion() + ")."
                    : "The plugin was updated to version " + now.pluginVersion() + "; the form follows its parameters now,"
                    + " keeping the values you had entered.", false);
        }
        submit.setEnabled(true);
    }

    // ---- launching ------------------------------------------------------------------------

    private void launch() {
        try {
            launchOrShowErrors();
        } finally {
            // Launching stays possible while the experiment is installed (a failed attempt can be corrected).
            submit.setEnabled(entry != null && Lab.current().plugins().find(experimentId).isPresent());
        }
    }

    private void launchOrShowErrors() {
        fields.values().forEach(ParameterField::clearError);
        seed.setInvalid(false);
        errorsBox.setVisible(false);
        if (entry == null) {
            showErrors(List.of(FieldError.of("*", "no installed plugin offers " + experimentId)));
            return;
        }
        ParameterSchema schema = entry.descriptor().parameters();
        Map<String, Object> values = new LinkedHashMap<>();
        fields.forEach((name, f) -> values.put(name, f.value()));
        LaunchForm.Collected collected = LaunchForm.collect(schema, values);

        List<FieldError> problems = new ArrayList<>(collected.problems());
        Long seedValue = null;
        try {
            seedValue = LaunchForm.parseSeed(seed.getValue());
        } catch (IllegalArgumentException e) {
            seed.setErrorMessage(e.getMessage());
            seed.setInvalid(true);
            problems.add(FieldError.of("seed", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            // Nothing is submitted; ask the schema too, so that every problem shows at once.
            Map<String, Object> rest = new LinkedHashMap<>(collected.raw());
            try {
                schema.validate(rest);
            } catch (InvalidParametersException e) {
                problems = LaunchForm.merge(schema, problems, e.errors());
            }
            showErrors(problems);
            return;
        }
        Physlab lab = Lab.current();
        Caller caller;
        try {
            caller = WebAccess.require(Role.MEMBER, "launch runs");
        } catch (SecurityException e) {
            showErrors(List.of(FieldError.of("*", e.getMessage())));
            return;
        }
        // The run's owner: the logged-in user (without logins, physlab.user).
        LaunchRequest request = new LaunchRequest(experimentId, collected.raw(), seedValue,
                LaunchForm.parseTags(tags.getValue()), notes.getValue(), caller.name(), null);
        RunRecord run;
        try {
            run = lab.runs().submit(request);
        } catch (InvalidParametersException e) {
            showErrors(LaunchForm.merge(schema, List.of(), e.errors()));
            return;
        } catch (UnknownExperimentException e) {
            showErrors(List.of(FieldError.of("*", "the experiment " + experimentId
                    + " is no longer installed (its plugin was removed); nothing was launched")));
            return;
        } catch (RuntimeException e) {
            showErrors(List.of(FieldError.of("*", "the run could not be queued: " + e.getMessage())));
            return;
        }
        getUI().ifPresent(ui -> ui.navigate("runs/" + run.id()));
    }

    private void showErrors(List<FieldError> errors) {
        errorsBox.removeAll();
        Span heading = new Span(errors.size() == 1 ? "Nothing was launched: 1 problem to fix"
                : "Nothing was launched: " + errors.size() + " problems to fix");
        heading.getStyle().set("font-weight", "600");
        UnorderedList list = new UnorderedList();
        list.getStyle().set("margin", "var(--lumo-space-xs) 0 0 0");
        for (FieldError e : errors) {
            ParameterField field = fields.get(e.parameter());
            if (field != null) field.showError(e.message());
            ListItem item = new ListItem(e.parameter().equals("*") ? e.message() : e.parameter() + ": " + e.message());
            item.getElement().setAttribute("data-parameter", e.parameter());
            list.add(item);
        }
        errorsBox.add(heading, list);
        errorsBox.setVisible(true);
        errorsBox.scrollIntoView();
    }
}
