package it.testata.web;

import io.javalin.http.Handler;

/** One line of the route table: method, path, who may call it, and the handler. */
public record Route(String method, String path, Guard guard, Handler handler) {

    /** Who may reach a route. Every route names one; a test walks the table to make sure. */
    public enum Guard {
        /** Anyone; read-only pages and assets. */
        PUBLIC,
        /** Anyone, through a form of this site: same-origin check, signed form token, flood control. */
        PUBLIC_FORM,
        /** A machine with the site's key for that interface (the Akismet-compatible calls); the handler checks it. */
        KEYED
    }
}
