package org.physlab.web.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.UIInitEvent;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import org.physlab.store.Role;
import org.physlab.web.admin.AdminView;
import org.physlab.web.experiments.ExperimentsView;

/**
 * Stands before every view of every UI: with logins on, a visitor who has not logged in is sent to
 * {@link LoginView} (and back to where they were going afterwards), and views kept for a role
 * ({@link #LEAST_ROLE}) send others to the experiments. The check runs before the view is built.
 */
public final class AccessGuard {
    /** Views that need more than reading. */
    static final Map<Class<?>, Role> LEAST_ROLE = Map.of(AdminView.class, Role.ADMIN);

    private AccessGuard() { }

    /** Adds the guard to a UI as it starts. */
    public static void install(UIInitEvent event) {
        UI ui = event.getUI();
        ui.addBeforeEnterListener(AccessGuard::check);
    }

    static void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == LoginView.class) return;
        if (!WebAccess.loginsEnabled()) return;
        var caller = WebAccess.caller();
        if (caller.isEmpty()) {
            VaadinSession.getCurrent().setAttribute(LoginView.TARGET, event.getLocation().getPathWithQueryParameters());
            event.forwardTo(LoginView.class);
            return;
        }
        Role least = LEAST_ROLE.get(event.getNavigationTarget());
        if (least != null && !caller.get().role().atLeast(least)) event.forwardTo(ExperimentsView.class);
    }
}
