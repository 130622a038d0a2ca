package it.testata.web;

import io.javalin.http.Handler;
import it.testata.account.Role;

import java.util.EnumSet;
import java.util.Set;

/**
 * One line of the route table: method, path, who may call it, the handler, and the request body it takes. A route
 * takes a plain body (a form, JSON) of at most {@link Body#limit} unless it says {@link Body#MULTIPART}; a
 * multipart body anywhere else is refused with 415 before anything reads it, a body above the limit with 413.
 */
public record Route(String method, String path, Guard guard, Handler handler, Body body) {

    /** A route with a plain body (or none): url-encoded forms and JSON up to 1 MB, never multipart. */
    public Route(String method, String path, Guard guard, Handler handler) {
        this(method, path, guard, handler, Body.PLAIN);
    }

    /** The request body a route accepts. */
    public enum Body {
        /** Url-encoded forms, JSON, or nothing: up to 1 MB. */
        PLAIN(1_000_000),
        /** Also multipart/form-data (file uploads): up to 20 MB in all. */
        MULTIPART(20L * 1024 * 1024);

        private final long limit;

        Body(long limit) {
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

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
