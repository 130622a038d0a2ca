package it.testata.web;

import io.javalin.http.Context;

/** Decides, before its handler runs, whether a request may reach a route with a staff guard. */
@FunctionalInterface
public interface Gatekeeper {
    /** True when the handler may run; otherwise the refusal (401, 403, a redirect to sign in) is already answered. */
    boolean admit(Context ctx, Route.Guard guard) throws Exception;

    /** For a site without staff routes: refuses every staff guard. */
    Gatekeeper NONE = (ctx, guard) -> {
        ctx.status(403).result("");
        return false;
    };
}
