package it.testata.web;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * server.trusted_proxies: who may tell the client's address and scheme, and the Strict-Transport-Security header that
 * follows from the scheme (on pages rendered by Javalin and on those the front handler answers from the cache).
 */
class TrustedProxiesTest {
    static TestSite site;

    @BeforeAll
    static void start() {
        site = TestSite.startWithDemo();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theClientIsTheRightmostAddressThatIsNotATrustedProxy() {
        TrustedProxies none = TrustedProxies.parse("");
        assertThat(none.client("127.0.0.1", "203.0.113.5")).isEqualTo("127.0.0.1");

        TrustedProxies p = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8\n::1");
        assertThat(p.client("127.0.0.1", "203.0.113.5")).isEqualTo("203.0.113.5");
        // a client-written entry on the left is passed over: the proxy appended the real peer on the right
        assertThat(p.client("127.0.0.1", "198.51.100.7, 203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(p.client("127.0.0.1", "198.51.100.7, 203.0.113.5, 10.1.2.3")).isEqualTo("203.0.113.5");
        assertThat(p.client("::1", "2001:db8::1")).isEqualTo("2001:db8::1");
        // an untrusted peer's header counts for nothing
        assertThat(p.client("192.0.2.9", "203.0.113.5")).isEqualTo("192.0.2.9");
        // garbage stops at the hop that handed it over; only proxies: the leftmost
        assertThat(p.client("127.0.0.1", "203.0.113.5, not-an-address")).isEqualTo("127.0.0.1");
        assertThat(p.client("127.0.0.1", "10.9.9.9, 10.1.1.1")).isEqualTo("10.9.9.9");

        assertThat(p.https("127.0.0.1", "http", "https")).isTrue();
        assertThat(p.https("192.0.2.9", "http", "https")).isFalse();
        assertThat(p.host("127.0.0.1", "backend:8080", "www.example.it")).isEqualTo("www.example.it");
        assertThat(p.host("192.0.2.9", "backend:8080", "www.example.it")).isEqualTo("backend:8080");
    }

    @Test
    void theSettingTakesAddressesAndNetworksOnly() {
        assertThat(it.testata.settings.SettingsRules.check("server.trusted_proxies", "127.0.0.1, 10.0.0.0/8 ::1")).isEmpty();
        assertThat(it.testata.settings.SettingsRules.check("server.trusted_proxies", "proxy.example")).get().asString()
                .contains("'proxy.example'");
        assertThat(it.testata.settings.SettingsRules.check("server.trusted_proxies", "10.0.0.0/33")).isPresent();
        assertThat(site.cli("settings", "server.trusted_proxies=nonsense").exit()).isEqualTo(2);
    }

    @Test
    void strictTransportSecurityOnlyOverHttps() {
        String page = CachedPath.DEMO;
        try {
            // no proxy trusted: X-Forwarded-Proto from anyone is ignored, plain HTTP never gets HSTS
            for (int i = 0; i < 2; i++) { // the second answer comes from the front cache
                assertThat(site.get(page).headers().firstValue("Strict-Transport-Security")).isEmpty();
                assertThat(site.get(page, "X-Forwarded-Proto", "https").headers()
                        .firstValue("Strict-Transport-Security")).isEmpty();
            }
            site.trustLoopbackProxy();
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> https = site.get(page, "X-Forwarded-Proto", "https");
                assertThat(https.statusCode()).isEqualTo(200);
                assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
                assertThat(site.get(page).headers().firstValue("Strict-Transport-Security")).isEmpty();
                assertThat(site.get("/admin/login", "X-Forwarded-Proto", "https").headers()
                        .firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            }
            site.site().settings.update(Map.of("base_url", "https://www.example.it", "server.trusted_proxies", ""));
            for (int i = 0; i < 2; i++) {
                assertThat(site.get(page).headers().firstValue("Strict-Transport-Security")).hasValue("max-age=31536000");
            }
        } finally {
            site.site().settings.update(Map.of("base_url", "", "server.trusted_proxies", ""));
        }
    }

    /** A public page the front handler serves from the cache once rendered. */
    static final class CachedPath {
        static final String DEMO = "/2026/10/23/l-agenzia-per-il-lavoro-apre-uno-sportello-a-san-vito/";
    }
}
