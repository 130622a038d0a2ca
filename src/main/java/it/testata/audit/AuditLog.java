package it.testata.audit;

import io.javalin.http.Context;
import it.testata.account.Principal;
import it.testata.web.Auditor;
import it.testata.web.ClientAddress;
import it.testata.web.Route;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Records what staff change. {@link #after} is called by the server for every request but GET and HEAD that a staff
 * guard admitted (whatever route it is, so routes added later are audited without their help): the route, its path
 * parameters, a few form fields that say what was done, the actor, the network and the status. Sign-ins, 2FA
 * changes, privacy actions and command-line actions add entries of their own through {@link #record}.
 */
public final class AuditLog implements Auditor {
    /** The actor of command-line actions. */
    public static final String CLI = "cli";
    /** Form fields worth keeping: what was done and to what. Never a password, a code or a text. */
    private static final List<String> FIELDS = List.of("action", "id", "status", "role", "disabled", "email", "name");
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);

    private final AuditStore store;

    public AuditLog(AuditStore store) {
        this.store = store;
    }

    public AuditStore store() {
        return store;
    }

    @Override
    public void after(Context ctx, Route route, int status) {
        String method = ctx.method().name();
        if (method.equals("GET") || method.equals("HEAD")) return;
        Principal p = it.testata.account.Access.actingOrNull(ctx);
        Map<String, String> params = new TreeMap<>(ctx.pathParamMap());
        StringJoiner target = new StringJoiner(" ");
        params.forEach((k, v) -> target.add(k + "=" + v));
        StringJoiner detail = new StringJoiner(" ");
        if (isForm(ctx)) {
            for (String f : FIELDS) {
                List<String> values = ctx.formParams(f);
                if (!values.isEmpty()) detail.add(f + "=" + String.join(",", values));
            }
        }
        try {
            store.insert(Instant.now(), p == null ? null : p.user().id(), p == null ? "?" : p.user().email(),
                    method + " " + route.path(), target.toString(), detail.toString(), ClientAddress.network(ctx), status);
        } catch (RuntimeException e) {
            LOG.warn("audit entry for {} {} not recorded: {}", method, ctx.path(), e.toString());
        }
    }

    /** An entry for a request (a sign-in, a 2FA change): the network is the request's. */
    public void record(Context ctx, Long actorId, String actor, String action, String target, String detail) {
        record(actorId, actor, action, target, detail, ClientAddress.network(ctx), ctx.statusCode());
    }

    /** An entry from the command line: actor "cli", no network. */
    public void cli(String action, String target, String detail) {
        record(null, CLI, action, target, detail, "", 0);
    }

    /** An entry written inside the caller's transaction (so it exists exactly when the change does). */
    public static void record(Handle h, Long actorId, String actor, String action, String target, String detail, String ipNet) {
        AuditStore.insert(h, Instant.now(), actorId, actor, action, target, detail, ipNet, 0);
    }

    public void record(Long actorId, String actor, String action, String target, String detail, String ipNet, int status) {
        store.insert(Instant.now(), actorId, actor, action, target, detail, ipNet, status);
    }

    /** Deletes entries older than the retention; returns how many. */
    public int prune(int retentionDays) {
        return store.prune(Instant.now().minus(Duration.ofDays(retentionDays)));
    }

    private static boolean isForm(Context ctx) {
        String type = ctx.contentType();
        return type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data"));
    }
}
