package it.testata.admin;

import it.testata.account.Role;
import it.testata.account.User;
import it.testata.settings.Settings;
import it.testata.web.Assets;
import it.testata.web.Messages;

import java.util.List;

/**
 * What admin/layout.jte needs; every back-office page record carries one. {@code csrf} is the token every
 * form posts back (the template {@code @template.admin.csrf(frame = page.frame())} writes the hidden field);
 * {@code user} is null on the sign-in page only.
 */
public record AdminFrame(Settings site, Messages msg, Assets assets, User user, String csrf, String title,
                         String section) {

    /** One entry of the back office's navigation: where, its text's message key, and who sees it. */
    public record NavItem(String section, String path, String labelKey, List<Role> roles) {}

    /** The navigation, in order; each back-office area adds its line here. */
    public static final List<NavItem> NAV = List.of(
            new NavItem("dashboard", "/admin/", "admin.nav.dashboard", List.of(Role.values())),
            new NavItem("articles", "/admin/articles", "admin.nav.articles", List.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR)),
            new NavItem("pages", "/admin/pages", "admin.nav.pages", List.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR)), // --- newsroom ---
            new NavItem("media", "/admin/media", "admin.nav.media", List.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR)), // --- newsroom ---
            new NavItem("comments", "/admin/comments", "admin.nav.comments", List.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR)),
            new NavItem("settings", "/admin/settings", "admin.nav.settings", List.of(Role.ADMIN)),
            new NavItem("users", "/admin/users", "admin.nav.users", List.of(Role.ADMIN)),
            // --- staff: profile, audit log, privacy tools ---
            new NavItem("profile", "/admin/profile", "admin.nav.profile", List.of(Role.values())),
            new NavItem("audit", "/admin/audit", "admin.nav.audit", List.of(Role.ADMIN)),
            new NavItem("privacy", "/admin/privacy", "admin.nav.privacy", List.of(Role.ADMIN)),
            // --- mail ---
            new NavItem("messages", "/admin/messages", "admin.nav.messages", List.of(Role.ADMIN, Role.EDITOR)),
            new NavItem("newsletter", "/admin/newsletter", "admin.nav.newsletter", List.of(Role.ADMIN, Role.EDITOR)),
            new NavItem("mail", "/admin/mail", "admin.nav.mail", List.of(Role.ADMIN)),
            // --- front ---
            new NavItem("menus", "/admin/menus", "admin.nav.menus", List.of(Role.ADMIN, Role.EDITOR)),
            new NavItem("design", "/admin/design", "admin.nav.design", List.of(Role.ADMIN)));

    /** The entries this user may open. */
    public List<NavItem> nav() {
        if (user == null) return List.of();
        return NAV.stream().filter(i -> i.roles().contains(user.role())).toList();
    }

    public String pageTitle() {
        return title + " – " + site.siteName();
    }
}
