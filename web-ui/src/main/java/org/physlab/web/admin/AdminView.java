package org.physlab.web.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.util.Arrays;
import org.physlab.server.auth.Caller;
import org.physlab.store.ApiToken;
import org.physlab.store.IssuedToken;
import org.physlab.store.Role;
import org.physlab.store.UserAccount;
import org.physlab.store.UserDirectory;
import org.physlab.web.Formats;
import org.physlab.web.MainLayout;
import org.physlab.web.security.WebAccess;

/**
 * {@code /admin} (admins only; the {@link org.physlab.web.security.AccessGuard} sends others away before
 * this view is built, and every action checks the role again): users (add, change role, remove) and API
 * tokens (create for any user, shown once; revoke). Every change goes to the audit log.
 */
@Route(value = "admin", layout = MainLayout.class)
@PageTitle("Admin · Physlab")
public class AdminView extends VerticalLayout {
    private static final long serialVersionUID = 1L;

    private final Grid<UserAccount> users = new Grid<>();
    private final Grid<ApiToken> tokens = new Grid<>();
    private final Select<String> tokenOwner = new Select<>();

    public AdminView() {
        WebAccess.require(Role.ADMIN, "open the admin page");
        setWidthFull();
        add(new H2("Admin"), new Paragraph("Users of this server and their API tokens (Authorization: Bearer TOKEN). "
                + "Every change is recorded in the audit log."));

        users.setId("admin-users");
        users.addColumn(UserAccount::name).setHeader("Name").setAutoWidth(true);
        users.addColumn(new ComponentRenderer<>(this::roleSelect)).setHeader("Role").setAutoWidth(true);
        users.addColumn(u -> u.lockedAt(Instant.now()) ? "until " + Formats.time(u.lockedUntil()) : "")
                .setHeader("Locked").setAutoWidth(true);
        users.addColumn(new ComponentRenderer<>(this::removeUserButton)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        users.setAllRowsVisible(true);

        TextField name = new TextField("Name");
        name.setId("new-user-name");
        Select<Role> role = new Select<>();
        role.setLabel("Role");
        role.setId("new-user-role");
        role.setItems(Role.VIEWER, Role.MEMBER, Role.ADMIN);
        role.setValue(Role.MEMBER);
        PasswordField password = new PasswordField("Password (8 characters or more)");
        password.setId("new-user-password");
        Button add = new Button("Add user", e -> addUser(name, role, password));
        add.setId("add-user");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout addForm = new HorizontalLayout(name, role, password, add);
        addForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        tokens.setId("admin-tokens");
        tokens.addColumn(ApiToken::id).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        tokens.addColumn(ApiToken::name).setHeader("Name").setAutoWidth(true);
        tokens.addColumn(ApiToken::owner).setHeader("Owner").setAutoWidth(true);
        tokens.addColumn(t -> Formats.time(t.createdAt())).setHeader("Created").setAutoWidth(true);
        tokens.addColumn(t -> t.revoked() ? Formats.time(t.revokedAt()) : "").setHeader("Revoked").setAutoWidth(true);
        tokens.addColumn(new ComponentRenderer<>(this::revokeButton)).setHeader("").setAutoWidth(true).setFlexGrow(0);
        tokens.setAllRowsVisible(true);

        tokenOwner.setLabel("Owner");
        tokenOwner.setId("new-token-owner");
        TextField tokenName = new TextField("What it is for");
        tokenName.setId("new-token-name");
        tokenName.setPlaceholder("laptop, ci, …");
        Button create = new Button("Create token", e -> createToken(tokenName));
        create.setId("create-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout tokenForm = new HorizontalLayout(tokenOwner, tokenName, create);
        tokenForm.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        add(new H3("Users"), users, addForm, new H3("API tokens"), tokens, tokenForm);
        refresh();
    }

    private UserDirectory directory() {
        return WebAccess.authenticator().users();
    }

    private void refresh() {
        var all = directory().list();
        users.setItems(all);
        tokenOwner.setItems(all.stream().map(UserAccount::name).toList());
        WebAccess.caller().ifPresent(c -> tokenOwner.setValue(c.name()));
        tokens.setItems(directory().tokens(null));
    }

    private Select<Role> roleSelect(UserAccount u) {
        Select<Role> select = new Select<>();
        select.setItems(Role.VIEWER, Role.MEMBER, Role.ADMIN);
        select.setValue(u.role());
        select.getElement().setAttribute("data-user", u.name());
        select.addValueChangeListener(e -> {
            if (!e.isFromClient() || e.getValue() == null) return;
            Caller admin = WebAccess.require(Role.ADMIN, "change roles");
            if (u.role() == Role.ADMIN && e.getValue() != Role.ADMIN && directory().adminCount() == 1) {
                fail(u.name() + " is the only admin; make another user admin first.");
                refresh();
                return;
            }
            directory().setRole(u.name(), e.getValue());
            WebAccess.audit(admin, "user.role", u.name(), "role " + e.getValue());
            Notification.show(u.name() + " is now " + e.getValue(), 3000, Notification.Position.BOTTOM_START);
            refresh();
        });
        return select;
    }

    private Button removeUserButton(UserAccount u) {
        Button remove = new Button("Remove", e -> {
            Caller admin = WebAccess.require(Role.ADMIN, "remove users");
            if (admin.name().equals(u.name())) {
                fail("You cannot remove yourself; another admin can.");
                return;
            }
            directory().remove(u.name());
            WebAccess.audit(admin, "user.remove", u.name(), "in the web UI");
            refresh();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        remove.getElement().setAttribute("data-user", u.name());
        return remove;
    }

    private Button revokeButton(ApiToken t) {
        Button revoke = new Button("Revoke", e -> {
            Caller admin = WebAccess.require(Role.ADMIN, "revoke tokens");
            if (directory().revokeToken(t.id())) {
                WebAccess.audit(admin, "token.revoke", t.owner(), "token " + t.id() + " '" + t.name() + "'");
            }
            refresh();
        });
        revoke.setEnabled(!t.revoked());
        revoke.addClassName("revoke-token");
        revoke.getElement().setAttribute("data-token-id", Long.toString(t.id()));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return revoke;
    }

    private void addUser(TextField name, Select<Role> role, PasswordField password) {
        Caller admin = WebAccess.require(Role.ADMIN, "add users");
        char[] secret = password.getValue().toCharArray();
        try {
            UserAccount added = directory().add(name.getValue().trim(), role.getValue(), secret,
                    WebAccess.authenticator().settings().loginPolicy());
            WebAccess.audit(admin, "user.add", added.name(), "role " + added.role() + ", in the web UI");
            Notification.show("Added " + added.name() + " (" + added.role() + ")", 3000, Notification.Position.BOTTOM_START);
            name.clear();
            password.clear();
            refresh();
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    private void createToken(TextField tokenName) {
        Caller admin = WebAccess.require(Role.ADMIN, "create tokens");
        String owner = tokenOwner.getValue();
        if (owner == null) {
            fail("Choose the token's owner.");
            return;
        }
        IssuedToken issued;
        try {
            issued = directory().createToken(owner, tokenName.getValue());
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        WebAccess.audit(admin, "token.create", owner, "token " + issued.token().id() + " '" + issued.token().name()
                + "', in the web UI");
        tokenName.clear();
        refresh();
        Dialog shown = new Dialog();
        shown.setId("new-token-dialog");
        shown.setHeaderTitle("Token for " + owner);
        TextField secret = new TextField();
        secret.setId("new-token-secret");
        secret.setValue(issued.secret());
        secret.setReadOnly(true);
        secret.setWidth("40em");
        shown.add(new Paragraph("Copy it now: it is not stored and cannot be shown again. Send it as "
                + "'Authorization: Bearer TOKEN'."), secret);
        shown.getFooter().add(new Button("Done", e -> shown.close()));
        shown.open();
    }

    private static void fail(String message) {
        Notification n = Notification.show(message, 5000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

}
