package org.physlab.web.security;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinSession;
import org.physlab.server.auth.Authenticator;
import org.physlab.store.LoginResult;

/**
 * {@code /login}: Vaadin's login form, the only page open without a login when logins are on. A good
 * password moves the session to a new id (so one planted before the login is worthless), marks it as the
 * user's and returns to the page first asked for. A wrong one says so without telling whether the name
 * exists; a locked account says until when.
 */
@Route("login")
@PageTitle("Log in · Physlab")
public class LoginView extends VerticalLayout implements BeforeEnterObserver {
    private static final long serialVersionUID = 1L;
    /** The VaadinSession attribute with the location asked for before the login. */
    static final String TARGET = LoginView.class.getName() + ".target";

    private final LoginForm form = new LoginForm();

    public LoginView() {
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setId("login-form");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n(null));
        form.addLoginListener(this::logIn);
        Div brand = new Div("Physlab");
        brand.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        Paragraph hint = new Paragraph("No account? Ask an admin of this server (physlab users add NAME).");
        hint.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        add(brand, form, hint);
    }

    private static LoginI18n i18n(String errorMessage) {
        LoginI18n i18n = LoginI18n.createDefault();
        i18n.getForm().setUsername("Name");
        if (errorMessage != null) {
            i18n.getErrorMessage().setTitle("Not logged in");
            i18n.getErrorMessage().setMessage(errorMessage);
        } else {
            i18n.getErrorMessage().setTitle("Wrong name or password");
            i18n.getErrorMessage().setMessage("Check them and try again.");
        }
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!WebAccess.loginsEnabled() || WebAccess.caller().isPresent()) event.forwardTo("");
    }

    private void logIn(AbstractLogin.LoginEvent event) {
        Authenticator auth = WebAccess.authenticator();
        char[] password = event.getPassword().toCharArray();
        LoginResult result = auth.checkPassword(event.getUsername(), password);
        switch (result.outcome()) {
            case OK -> {
                VaadinSession vaadin = VaadinSession.getCurrent();
                if (VaadinService.getCurrentRequest() instanceof VaadinServletRequest request) {
                    Authenticator.logIn(request.getHttpServletRequest(), result.user(), auth.settings());
                } else {
                    // A request that came over the push channel: mark the session without moving it.
                    vaadin.getSession().setAttribute(Authenticator.SESSION_USER, result.user().name());
                    vaadin.getSession().setMaxInactiveInterval((int) auth.settings().sessionTimeout().toSeconds());
                }
                Object target = vaadin.getAttribute(TARGET);
                vaadin.setAttribute(TARGET, null);
                getUI().ifPresent(ui -> ui.navigate(target instanceof String t && !t.startsWith("login") ? t : ""));
            }
            case LOCKED -> {
                form.setI18n(i18n("Too many wrong passwords: the account is locked until " + result.lockedUntil()
                        + ". An admin can unlock it with a new password."));
                form.setError(true);
            }
            default -> {
                form.setI18n(i18n(null));
                form.setError(true);
            }
        }
    }
}
