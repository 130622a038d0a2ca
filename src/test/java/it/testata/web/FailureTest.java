package it.testata.web;

import it.testata.support.TestSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** When the database goes away: the health check says so, and readers get a plain error page, never internals. */
class FailureTest {
    TestSite site;

    @BeforeEach
    void start() {
        site = TestSite.startWithDemo();
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void healthSays503AndPagesSay500WithoutStackTracesWhenTheDatabaseIsGone() {
        assertThat(site.get("/healthz").statusCode()).isEqualTo(200);
        site.site().db.close();
        assertThat(site.get("/healthz").statusCode()).isEqualTo(503);
        HttpResponse<String> r = site.get("/category/politica/");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(r.body()).contains("Si è verificato un errore");
        assertThat(r.body()).doesNotContainIgnoringCase("exception").doesNotContain("at it.testata", "java.", "Hikari", "SQL");
        assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
    }
}
