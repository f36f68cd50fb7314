package org.physlab.web.plugins;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import org.physlab.server.auth.Caller;
import org.physlab.store.Role;
import org.physlab.web.security.WebAccess;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.nio.file.Path;
import org.physlab.runtime.plugins.PluginInfo;
import org.physlab.web.Lab;
import org.physlab.web.MainLayout;
import org.physlab.web.live.LabEvents;

/**
 * The installed plugins ({@code plugins-grid}) with state, version, file, error and experiments;
 * upload of a plugin jar ({@code plugin-upload}: it lands in the plugins folder and hot-loads) and
 * removal ({@code remove-plugin}, after a confirmation). The grid follows changes made anywhere
 * (another tab, the REST API, a jar copied into the folder).
 */
@Route(value = "plugins", layout = MainLayout.class)
@PageTitle("Plugins · Physlab")
public class PluginsView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final Grid<PluginInfo> grid = new Grid<>();
    private final Div result = new Div();
    private final Upload upload;

    public PluginsView() {
        setPadding(true);
        H2 title = new H2("Plugins");
        title.getStyle().set("margin", "0");
        Paragraph intro = new Paragraph("One plugin jar per scientific domain. Jars in the plugins folder are loaded"
                + " and unloaded while Physlab runs; runs of a plugin that is removed or replaced are stopped.");
        intro.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin", "0");

        grid.setId("plugins-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addColumn(p -> p.name() == null || p.name().isBlank() ? p.id() : p.name()).setHeader("Name")
                .setWidth("7em").setFlexGrow(1).setResizable(true);
        grid.addColumn(new ComponentRenderer<>(p -> code(p.id()))).setHeader("Id").setWidth("8.5em").setFlexGrow(0)
                .setResizable(true);
        grid.addColumn(new ComponentRenderer<>(p -> code(p.version()))).setHeader("Version").setWidth("6.5em").setFlexGrow(0)
                .setResizable(true);
        grid.addColumn(new ComponentRenderer<>(PluginsView::state)).setHeader("State").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(PluginsView::file)).setHeader("File").setWidth("8em").setFlexGrow(0)
                .setResizable(true);
        grid.addColumn(new ComponentRenderer<>(PluginsView::error)).setHeader("Error").setWidth("8em").setFlexGrow(5)
                .setResizable(true);
        grid.addColumn(new ComponentRenderer<>(PluginsView::experiments)).setHeader("Experiments").setWidth("12em")
                .setFlexGrow(0).setResizable(true);
        grid.addColumn(new ComponentRenderer<>(this::removeButton)).setHeader("").setWidth("4.5em").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.CENTER);
        grid.setEmptyStateText("No plugin is installed. Upload a plugin jar below.");

        upload = new Upload(new PluginJarUpload(Lab.current().plugins(), this::uploaded));
        upload.setId("plugin-upload");
        upload.setMaxFiles(1);
        Button pick = new Button("Upload plugin jar…", VaadinIcon.UPLOAD.create());
        upload.setUploadButton(pick);
        upload.setAcceptedFileTypes(".jar", "application/java-archive");
        upload.setMaxFileSize((int) PluginJarUpload.MAX_BYTES);
        upload.setDropLabel(new Span("Drop a plugin jar here (up to " + PluginJarUpload.MAX_BYTES / (1024 * 1024)
                + " MiB); it is copied into the plugins folder and loaded at once"));
        upload.addFileRejectedListener(e -> showResult(false, e.getErrorMessage()
                + " (a plugin is a .jar of at most " + PluginJarUpload.MAX_BYTES / (1024 * 1024) + " MiB)"));
        upload.addFailedListener(e -> showResult(false, "the upload of " + e.getFileName() + " failed"
                + (e.getReason() == null ? "" : ": " + e.getReason().getMessage())));
        upload.setWidthFull();

        result.setId("plugin-upload-result");
        result.setVisible(false);
        result.setWidthFull();
        result.getStyle().set("box-sizing", "border-box").set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere");

        boolean admin = WebAccess.has(Role.ADMIN);
        upload.setVisible(admin);
        add(title, intro, grid, upload, result);
        if (!admin) {
            Span onlyAdmins = new Span("Plugins are code that runs in this server: only admins install or remove them.");
            onlyAdmins.setId("plugins-admins-only");
            onlyAdmins.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(onlyAdmins);
        }
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
        });
    }


    private void refresh() {
        grid.setItems(Lab.current().plugins().plugins());
    }

    private void uploaded(PluginInfo info, String problem) {
        upload.clearFileList();   // ready for the next jar; the outcome shows below
        if (info == null) {
            showResult(false, problem);
        } else if ("FAILED".equals(info.state())) {
            showResult(false, "Plugin " + info.id() + " was copied to " + info.file().getFileName()
                    + " but failed to load: " + info.error());
        } else {
            int n = info.experimentIds().size();
            showResult(true, "Plugin " + info.id() + " " + info.version() + " is " + info.state() + " with " + n
                    + " experiment" + (n == 1 ? "" : "s") + (n == 0 ? "." : ": " + String.join(", ", info.experimentIds())));
        }
        refresh();
    }

    private void showResult(boolean ok, String text) {
        result.setText(text);
        result.getElement().setAttribute("data-outcome", ok ? "success" : "error");
        result.getStyle().set("background", ok ? "var(--lumo-success-color-10pct)" : "var(--lumo-error-color-10pct)")
                .set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        result.setVisible(true);
    }

    private static Component state(PluginInfo p) {
        Span s = new Span(p.state());
        s.addClassName("plugin-state");
        String color = switch (p.state()) {
            case "ACTIVE" -> "success";
            case "FAILED" -> "error";
            default -> "contrast";
        };
        s.getStyle().set("padding", "0.1em 0.6em").set("border-radius", "var(--lumo-border-radius-l)")
                .set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500")
                .set("background", "var(--lumo-" + color + "-color-10pct)")
                .set("color", color.equals("contrast") ? "var(--lumo-body-text-color)" : "var(--lumo-" + color + "-text-color)");
        return s;
    }

    /**
     * Monospace text that may wrap after '.', '-' and '_' (ids, versions, file names are long words);
     * the break opportunities are {@code <wbr>} elements, so the text itself stays as it is.
     */
    private static Span code(String text) {
        Span s = new Span();
        String rest = text == null ? "" : text;
        int from = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if ((c == '.' || c == '-' || c == '_') && i + 1 < rest.length()) {
                s.getElement().appendChild(Element.createText(rest.substring(from, i + 1)), new Element("wbr"));
                from = i + 1;
            }
        }
        s.getElement().appendChild(Element.createText(rest.substring(from)));
        s.getStyle().set("overflow-wrap", "anywhere").set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-s)");
        return s;
    }

    private static Component file(PluginInfo p) {
        Path f = p.file();
        Span s = code(f == null ? "" : String.valueOf(f.getFileName()));
        if (f != null) s.setTitle(f.toString());
        return s;
    }

    private static Component error(PluginInfo p) {
        Span s = new Span(p.error() == null ? "" : p.error());
        s.addClassName("plugin-error");
        s.getStyle().set("color", "var(--lumo-error-text-color)").set("white-space", "pre-wrap")
                .set("overflow-wrap", "anywhere").set("font-size", "var(--lumo-font-size-s)");
        return s;
    }

    private static Component experiments(PluginInfo p) {
        Div d = new Div();
        for (String id : p.experimentIds()) {
            Span line = code(id);
            line.getStyle().set("display", "block");
            d.add(line);
        }
        return d;
    }

    private Component removeButton(PluginInfo p) {
        Button remove = new Button(VaadinIcon.TRASH.create(), e -> confirmRemoval(p));
        remove.setTooltipText("Remove " + p.id());
        remove.setVisible(WebAccess.has(Role.ADMIN));
        remove.setAriaLabel("Remove plugin " + p.id());
        remove.addClassName("remove-plugin");
        remove.getElement().setAttribute("data-plugin-id", p.id());
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return remove;
    }

    private void confirmRemoval(PluginInfo p) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("remove-plugin-dialog");
        dialog.setHeader("Remove plugin " + p.id() + "?");
        int n = p.experimentIds().size();
        dialog.setText("Deletes " + (p.file() == null ? "its jar" : p.file().getFileName()) + " from the plugins folder and"
                + " unloads it" + (n == 0 ? "." : "; its " + n + " experiment" + (n == 1 ? "" : "s")
                + " disappear and their running runs are stopped. Recorded runs stay."));
        dialog.setCancelable(true);
        dialog.setConfirmText("Remove");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> remove(p));
        dialog.open();
    }

    private void remove(PluginInfo p) {
        try {
            Caller admin = WebAccess.require(Role.ADMIN, "remove plugins");
            boolean removed = Lab.current().plugins().remove(p.id());
            if (removed) WebAccess.audit(admin, "plugin.remove", p.id(), "in the web UI");
            showResult(removed, removed ? "Plugin " + p.id() + " was removed." : "Plugin " + p.id() + " was already gone.");
        } catch (SecurityException e) {
            showResult(false, e.getMessage());
        } catch (RuntimeException e) {
            showResult(false, "Removing " + p.id() + " failed: " + e.getMessage());
        }
        refresh();
    }
}
