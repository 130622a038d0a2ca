package it.testata.web;

import io.javalin.http.Handler;
import it.testata.account.Role;

import java.util.EnumSet;
import java.util.Set;

/** One line of the route table: method, path, who may call it, and the handler. */
public record Route(String method, String path, Guard guard, Handler handler) {

    /**
     * Who may reach a route. Every route names one; a test walks the table to make sure. The staff guards are
     * enforced by {@link Server} before the handler runs: under /api/ by a Bearer token, elsewhere by the
     * session cookie plus, for anything but GET and HEAD, the session's CSRF token.
     */
    public enum Guard {
        /** Anyone; read-only pages and assets. */
        PUBLIC,
        /** Anyone, through a form of this site: same-origin check, signed form token, flood control. */
        PUBLIC_FORM,
        /** A machine with the site's key for that interface (the Akismet-compatible calls); the handler checks it. */
        KEYED,
        /** The sign-in form: anyone, with a form token of its own (there is no session yet to tie one to). */
        LOGIN,
        /** Any signed-in member of staff. */
        STAFF(Role.values()),
        /** Administrators: users and settings. */
        ADMIN(Role.ADMIN),
        /** All articles: administrators and editors. */
        EDITOR(Role.ADMIN, Role.EDITOR),
        /** Writing articles (authors their own only, which the service checks): everyone but moderators. */
        AUTHOR(Role.ADMIN, Role.EDITOR, Role.AUTHOR),
        /** Reader comments: administrators, editors and moderators. */
        MODERATOR(Role.ADMIN, Role.EDITOR, Role.MODERATOR);

        private final Set<Role> roles;

        Guard(Role... roles) {
            this.roles = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        }

        /** True for guards that need a signed-in user (or an API token). */
        public boolean staff() {
            return !roles.isEmpty();
        }

        public boolean admits(Role role) {
            return roles.contains(role);
        }
    }
}
