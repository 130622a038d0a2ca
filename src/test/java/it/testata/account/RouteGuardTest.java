package it.testata.account;

import it.testata.support.StaffClient;
import it.testata.support.TestSite;
import it.testata.web.Route;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the route table: every /admin and /api route has a staff guard (the sign-in form excepted, by name),
 * and the server enforces it before any handler runs: without credentials, and with every role the guard does
 * not admit.
 */
class RouteGuardTest {
    static final String PASSWORD = "correct horse battery";
    static TestSite site;
    static final Map<Role, StaffClient> sessions = new EnumMap<>(Role.class);
    static final Map<Role, String> tokens = new EnumMap<>(Role.class);
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
        for (Role r : Role.values()) {
            String email = r.db() + "@example.org";
            site.site().accounts.add(email, "Staff " + r.db(), r, PASSWORD.toCharArray());
            sessions.put(r, StaffClient.signedIn(site, email, PASSWORD));
            tokens.put(r, site.site().accounts.createToken(email, "guard test"));
        }
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static boolean staffArea(Route r) {
        return r.path().equals("/admin") || r.path().startsWith("/admin/") || r.path().startsWith("/api/");
    }

    @Test
    void everyAdminAndApiRouteHasAStaffGuardExceptTheSignInForm() {
        List<Route> routes = site.site().routes();
        assertThat(routes).anyMatch(r -> r.path().startsWith("/admin/"));
        List<String> unguarded = new ArrayList<>();
        for (Route r : routes) {
            if (!staffArea(r)) continue;
            // the sign-in form, its second step, passkey sign-in and the password reset (there is no session yet)
            boolean signIn = (r.path().equals("/admin/login") || r.path().startsWith("/admin/login/")
                    || r.path().startsWith("/admin/password-reset")) && r.guard() == Route.Guard.LOGIN;
            if (!signIn && !r.guard().staff()) unguarded.add(r.method() + " " + r.path() + " " + r.guard());
        }
        assertThat(unguarded).as("admin and API routes without a staff guard").isEmpty();
        // and no staff guard outside those areas, where the server would not know how to check it
        assertThat(routes).filteredOn(r -> r.guard().staff()).allMatch(RouteGuardTest::staffArea);
    }

    @Test
    void withoutCredentialsEveryStaffRouteIsRefusedBeforeItsHandlerRuns() throws Exception {
        for (Route r : site.site().routes()) {
            if (!r.guard().staff()) continue;
            HttpResponse<String> res = send(r, List.of());
            String what = r.method() + " " + r.path();
            if (r.path().startsWith("/api/")) {
                assertThat(res.statusCode()).as(what).isEqualTo(401);
                assertThat(res.headers().firstValue("Content-Type").orElse("")).as(what).startsWith("application/json");
                assertThat(res.body()).as(what).contains("\"message\"");
            } else if (r.method().equals("GET")) {
                assertThat(res.statusCode()).as(what).isEqualTo(303);
                assertThat(res.headers().firstValue("Location").orElse("")).as(what).startsWith("/admin/login?next=");
            } else {
                assertThat(res.statusCode()).as(what).isEqualTo(403);
            }
            assertThat(res.headers().firstValue("Cache-Control")).as(what).hasValue("private, no-store");
        }
    }

    @Test
    void aRoleTheGuardDoesNotAdmitGets403() throws Exception {
        int checked = 0;
        for (Route r : site.site().routes()) {
            if (!r.guard().staff()) continue;
            for (Role role : Role.values()) {
                if (r.guard().admits(role)) continue;
                List<String> headers = new ArrayList<>();
                if (r.path().startsWith("/api/")) {
                    headers.addAll(List.of("Authorization", "Bearer " + tokens.get(role)));
                } else {
                    StaffClient c = sessions.get(role);
                    headers.addAll(List.of("Cookie", Access.SESSION_COOKIE + "=" + c.cookie(Access.SESSION_COOKIE).orElseThrow(),
                            Access.CSRF_HEADER, c.csrf));
                }
                HttpResponse<String> res = send(r, headers);
                assertThat(res.statusCode()).as(r.method() + " " + r.path() + " as " + role).isEqualTo(403);
                checked++;
            }
        }
        if (site.site().routes().stream().anyMatch(r -> r.guard().staff() && r.guard() != Route.Guard.STAFF)) {
            assertThat(checked).isPositive();
        }
    }

    /** The route's path with every parameter filled (ids with 1). */
    static HttpResponse<String> send(Route r, List<String> headers) throws Exception {
        String path = r.path().replaceAll("\\{[^}]+}", "1").replaceAll("<[^>]+>", "x");
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site.url(path)))
                .method(r.method(), r.method().equals("GET") ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString("{}"));
        if (!r.method().equals("GET")) b.header("Content-Type", r.path().startsWith("/api/") ? "application/json"
                : "application/x-www-form-urlencoded");
        for (int i = 0; i < headers.size(); i += 2) b.header(headers.get(i), headers.get(i + 1));
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
