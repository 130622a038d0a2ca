package it.testata.web;

import io.javalin.http.Context;

/** Told by the server about every request a staff guard admitted, once its handler has answered. */
@FunctionalInterface
public interface Auditor {
    /** @param status the answer's status (500 when the handler failed) */
    void after(Context ctx, Route route, int status);

    Auditor NONE = (ctx, route, status) -> {};
}
