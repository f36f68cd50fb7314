package org.physlab.web.experiments;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Reference;
import org.physlab.runtime.Physlab;
import org.physlab.runtime.plugins.CatalogEntry;
import org.physlab.store.RunQuery;
import org.physlab.web.Lab;
import org.physlab.web.MainLayout;
import org.physlab.web.live.LabEvents;
import org.physlab.web.plugins.PluginsView;
import org.physlab.web.runs.RunsView;

/**
 * Every experiment of every installed plugin as a card ({@code experiment-card},
 * {@code data-experiment-id}) with its title, plugin and version, description and references, a
 * launch button and a link to its runs. The search box filters as one types; plugins installed or
 * removed while the page is open make their cards appear or vanish.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Experiments · Physlab")
public class ExperimentsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Div cards = new Div();

    public ExperimentsView() {
        setPadding(true);

        H2 title = new H2("Experiments");
        title.getStyle().set("margin", "0");
        search.setId("experiment-search");
        search.setPlaceholder("Search by id, title, description or plugin");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.EAGER);
        search.setWidth("min(28em, 100%)");
        search.addValueChangeListener(e -> refresh());
        count.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        HorizontalLayout top = new HorizontalLayout(title, search, count);
        top.setWidthFull();
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        top.getStyle().set("flex-wrap", "wrap");

        cards.setId("experiment-cards");
        cards.setWidthFull();
        cards.getStyle().set("display", "grid").set("grid-template-columns", "repeat(auto-fill, minmax(340px, 1fr))")
                .set("gap", "var(--lumo-space-m)").set("align-items", "stretch");
        add(top, cards);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
        Lab.events().subscribeUntilDetached(this, attachEvent.getUI(), new LabEvents.Subscriber() {
            @Override
            public void catalogChanged() {
                refresh();
            }

            @Override
            public void runsChanged() {
                refresh();
            }
        });
    }


    private void refresh() {
        Physlab lab = Lab.current();
        List<CatalogEntry> all = lab.plugins().experiments();
        List<CatalogEntry> shown = ExperimentSearch.filter(all, search.getValue());
        cards.removeAll();
        if (all.isEmpty()) {
            cards.add(empty("No experiments are installed. ", new RouterLink("Upload a plugin", PluginsView.class)));
        } else if (shown.isEmpty()) {
            cards.add(empty("No experiment matches '" + search.getValue().trim() + "'."));
        }
        for (CatalogEntry e : shown) cards.add(card(e, lab.store().count(RunQuery.all().withExperiment(e.id()))));
        count.setText(shown.size() == all.size() ? all.size() + " experiment" + (all.size() == 1 ? "" : "s")
                : shown.size() + " of " + all.size() + " experiments");
    }

    private static Component empty(String text, Component... more) {
        Paragraph p = new Paragraph(text);
        p.add(more);
        p.addClassName("experiments-empty");
        p.getStyle().set("color", "var(--lumo-secondary-text-color)").set("grid-column", "1 / -1");
        return p;
    }

    private static Component card(CatalogEntry e, long runs) {
        ExperimentDescriptor d = e.descriptor();
        Div card = new Div();
        card.addClassName("experiment-card");
        card.getElement().setAttribute("data-experiment-id", e.id());
        card.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-xs)")
                .set("padding", "var(--lumo-space-m)").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-l)").set("background", "var(--lumo-base-color)")
                .set("box-shadow", "var(--lumo-box-shadow-xs)").set("min-width", "0");

        H3 title = new H3(d.title());
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-l)");
        Span id = new Span(e.id());
        id.addClassName("experiment-id");
        id.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-s)")
                .set("overflow-wrap", "anywhere");
        Span plugin = new Span("plugin " + e.pluginId() + " " + e.pluginVersion());
        plugin.addClassName("experiment-plugin");
        plugin.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        card.add(title, id, plugin);

        if (!d.description().isBlank()) {
            Paragraph description = new Paragraph(d.description());
            description.getStyle().set("margin", "var(--lumo-space-xs) 0").set("font-size", "var(--lumo-font-size-s)")
                    .set("line-height", "var(--lumo-line-height-s)");
            card.add(description);
        }
        if (!d.references().isEmpty()) {
            UnorderedList refs = new UnorderedList();
            refs.addClassName("experiment-references");
            refs.getStyle().set("margin", "0").set("padding-left", "1.2em").set("font-size", "var(--lumo-font-size-xs)")
                    .set("color", "var(--lumo-secondary-text-color)");
            for (Reference r : d.references()) {
                ListItem item = new ListItem();
                if (r.url() != null && !r.url().isBlank()) {
                    item.add(new Anchor(r.url(), r.citation(), AnchorTarget.BLANK));
                } else {
                    item.setText(r.citation());
                }
                refs.add(item);
            }
            card.add(refs);
        }

        Div spacer = new Div();
        spacer.getStyle().set("flex", "1");
        Button launch = new Button("Launch", VaadinIcon.PLAY.create(),
                click -> click.getSource().getUI().ifPresent(ui -> ui.navigate("launch/" + e.id())));
        launch.setVisible(org.physlab.web.security.WebAccess.has(org.physlab.store.Role.MEMBER));
        launch.addClassName("launch-button");
        launch.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
        int parameters = d.parameters().parameters().size();
        Span params = new Span(parameters + " parameter" + (parameters == 1 ? "" : "s"));
        params.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        RouterLink runLink = new RouterLink(runs == 0 ? "no runs yet" : runs + " run" + (runs == 1 ? "" : "s") + " →", RunsView.class);
        runLink.setQueryParameters(QueryParameters.of("experiment", e.id()));
        runLink.addClassName("experiment-runs");
        runLink.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-left", "auto");
        HorizontalLayout actions = new HorizontalLayout(launch, params, runLink);
        actions.setWidthFull();
        actions.setAlignItems(FlexComponent.Alignment.CENTER);
        actions.getStyle().set("margin-top", "var(--lumo-space-s)");
        card.add(spacer, actions);
        return card;
    }
}
