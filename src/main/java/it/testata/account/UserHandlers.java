package it.testata.account;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.web.Messages;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts page (/admin/users, administrators only): the list, adding an account (with a password typed or
 * generated and shown once), changing a role, disabling and enabling. An administrator cannot demote or disable
 * their own account, so the site always keeps someone who can undo a mistake.
 */
public final class UserHandlers {
    private final AccountService accounts;
    private final AdminFrames frames;
    private final Renderer renderer;

    public UserHandlers(AccountService accounts, AdminFrames frames, Renderer renderer) {
        this.accounts = accounts;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin/users */
    public void list(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.users.title", "users");
        String done = ctx.queryParam("done");
        String notice = done != null && done.matches("role|disabled|enabled") ? frame.msg().t("admin.users.done." + done) : null;
        show(ctx, 200, frame, "", "", Role.AUTHOR.db(), Map.of(), notice, null);
    }

    /** POST /admin/users: adds an account. */
    public void add(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "admin.users.title", "users");
        Messages msg = frame.msg();
        String email = text(ctx.formParam("email")), name = text(it.testata.text.CleanText.line(ctx.formParam("name"))), roleText = text(ctx.formParam("role"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            AccountService.normalizeEmail(email);
            if (accounts.user(email).isPresent()) errors.put("email", msg.t("admin.users.error.taken"));
        } catch (IllegalArgumentException e) {
            errors.put("email", msg.t("admin.users.error.email"));
        }
        if (name.isEmpty() || name.length() > 200 || it.testata.article.Slugs.of(name).isEmpty()) {
            errors.put("name", msg.t("admin.users.error.name"));
        }
        Optional<Role> role = Role.parse(roleText);
        if (role.isEmpty()) errors.put("role", msg.t("admin.users.error.role"));
        if (!password.isEmpty() && password.length() < AccountService.MIN_PASSWORD) {
            errors.put("password", msg.t("admin.users.error.password", AccountService.MIN_PASSWORD));
        }
        if (errors.isEmpty()) {
            String generated = password.isEmpty() ? AccountService.randomToken(12) : null;
            try {
                User u = accounts.add(email, name, role.get(), (generated == null ? password : generated).toCharArray());
                show(ctx, 200, frame, "", "", Role.AUTHOR.db(), Map.of(), msg.t("admin.users.added", u.name(), u.email()), generated);
                return;
            } catch (IllegalArgumentException e) {
                errors.put("email", msg.t("admin.users.error.taken")); // added by someone else meanwhile
            }
        }
        show(ctx, 422, frame, email, name, roleText, errors, null, null);
    }

    /** POST /admin/users/{id}/role */
    public void role(Context ctx) {
        User u = found(ctx);
        Optional<Role> role = Role.parse(ctx.formParam("role"));
        if (role.isEmpty() || (isMe(ctx, u) && role.get() != Role.ADMIN)) {
            refuse(ctx, role.isEmpty() ? "admin.users.error.role" : "admin.users.error.self");
            return;
        }
        accounts.setRole(u.id(), role.get());
        ctx.redirect("/admin/users?done=role", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/users/{id}/disabled with disabled=true|false */
    public void disabled(Context ctx) {
        User u = found(ctx);
        boolean disable = "true".equals(ctx.formParam("disabled"));
        if (disable && isMe(ctx, u)) {
            refuse(ctx, "admin.users.error.self");
            return;
        }
        accounts.setDisabled(u.id(), disable);
        ctx.redirect("/admin/users?done=" + (disable ? "disabled" : "enabled"), HttpStatus.SEE_OTHER);
    }

    private void refuse(Context ctx, String key) {
        AdminFrame frame = frames.frame(ctx, "admin.users.title", "users");
        show(ctx, 422, frame, "", "", Role.AUTHOR.db(), Map.of("list", frame.msg().t(key)), null, null);
    }

    private void show(Context ctx, int status, AdminFrame frame, String email, String name, String role,
                      Map<String, String> errors, String notice, String generated) {
        renderer.privatePage(ctx, status, "admin/users.jte",
                new UsersPage(frame, accounts.users(), email, name, role, errors, notice, generated));
    }

    private User found(Context ctx) {
        try {
            return accounts.user(Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFound::new);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private static boolean isMe(Context ctx, User u) {
        return Access.principal(ctx).user().id() == u.id();
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }
}
