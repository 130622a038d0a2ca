package it.testata.web;

import io.javalin.http.Context;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * What watches every request on its way through the server: the request id, metrics and the access log
 * (it.testata.logs.Requests). Javalin's requests call {@link #begin} first and {@link #end} last; the front
 * handler calls {@link #front} for each cached answer (the request id header; the access line when it is on).
 */
public interface RequestObserver {
    void begin(Context ctx);

    void end(Context ctx, float millis);

    /** A cached page the front handler is about to send with this status. */
    void front(Request request, Response response, int status);

    RequestObserver NONE = new RequestObserver() {
        @Override
        public void begin(Context ctx) {}

        @Override
        public void end(Context ctx, float millis) {}

        @Override
        public void front(Request request, Response response, int status) {}
    };
}
