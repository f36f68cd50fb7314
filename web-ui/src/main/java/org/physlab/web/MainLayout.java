package org.physlab.web;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.server.VaadinSession;
import org.physlab.server.auth.Caller;
import org.physlab.web.admin.AdminView;
import org.physlab.web.security.WebAccess;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import org.physlab.web.compare.CompareView;
import org.physlab.web.experiments.ExperimentsView;
import org.physlab.web.plugins.PluginsView;
import org.physlab.web.runs.RunsView;

/** The frame around every view: the Physlab title, the backend in use, the navigation, and (with logins) the user and Log out. */
public class MainLayout extends AppLayout {
    private static final long serialVersionUID = 1L;

    public MainLayout() {
        Span title = new Span("Physlab");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600").set("margin", "0 var(--lumo-space-m)");
        Span backend = new Span(backendLabel());
        backend.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)")
                .set("margin-left", "auto").set("margin-right", "var(--lumo-space-m)");
        backend.setId("backend-info");
        addToNavbar(new DrawerToggle(), title, backend);
        Caller caller = WebAccess.loginsEnabled() ? WebAccess.caller().orElse(null) : null;
        if (caller != null) {
            Span user = new Span(caller.name() + " · " + caller.role());
            user.setId("current-user");
            user.getStyle().set("font-size", "var(--lumo-font-size-s)").set("margin-right", "var(--lumo-space-s)");
            Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> logOut());
            logout.setId("logout");
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            logout.getStyle().set("margin-right", "var(--lumo-space-m)");
            addToNavbar(user, logout);
        }

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem("Experiments", ExperimentsView.class, VaadinIcon.FLASK.create()));
        nav.addItem(new SideNavItem("Runs", RunsView.class, VaadinIcon.LIST.create()));
        nav.addItem(new SideNavItem("Compare", CompareView.class, VaadinIcon.SPLIT_H.create()));
        nav.addItem(new SideNavItem("Plugins", PluginsView.class, VaadinIcon.PLUG.create()));
        if (caller != null && caller.isAdmin()) nav.addItem(new SideNavItem("Admin", AdminView.class, VaadinIcon.USERS.create()));
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    /** Ends the session (the login with it) and goes to the login page. */
    private static void logOut() {
        UI.getCurrent().getPage().setLocation("login");
        VaadinSession.getCurrent().getSession().invalidate();
    }

    private static String backendLabel() {
        org.physlab.api.BackendInfo b = Lab.current().compute().backend();
        return b.backend() + " · " + b.dataType() + " · " + b.threads() + " thread" + (b.threads() == 1 ? "" : "s")
                + " · ND4J " + b.version();
    }
}
