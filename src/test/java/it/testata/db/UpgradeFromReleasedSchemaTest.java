package it.testata.db;

import it.testata.support.Pictures;
import it.testata.support.TestSite;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upgrade safety: a site as the last released version (schema V006) left it, with content written straight into
 * that version's tables, is opened by this version (which migrates it) and serves the same content at the same
 * addresses: the article, its archives and feed, its comment, its image, an old WordPress address's redirect,
 * the settings and a staff account.
 */
class UpgradeFromReleasedSchemaTest {
    static final String RELEASED = "6";
    static final long PUBLISHED = LocalDateTime.of(2025, 3, 14, 9, 30).atZone(ZoneId.of("Europe/Rome")).toInstant().toEpochMilli();
    static final String ARTICLE = "/2025/03/14/il-mulino-riapre/";
    static final String IMAGE = "0123456789abcdef01234567.png";
    static TestSite site;

    @BeforeAll
    static void releasedSiteThenUpgrade() throws Exception {
        site = TestSite.create();
        Dialect dialect = site.config.postgres() ? Dialect.POSTGRES : Dialect.SQLITE;
        Files.createDirectories(site.dataDir);
        Flyway.configure().dataSource(site.config.jdbcUrl(), site.config.databaseUser(), site.config.databasePassword())
                .locations(dialect.migrationLocation()).target(RELEASED).load().migrate();
        java.util.Properties login = new java.util.Properties();
        if (site.config.databaseUser() != null) login.setProperty("user", site.config.databaseUser());
        if (site.config.databasePassword() != null) login.setProperty("password", site.config.databasePassword());
        Jdbi jdbi = Jdbi.create(site.config.jdbcUrl(), login);
        jdbi.useTransaction(UpgradeFromReleasedSchemaTest::releasedContent);
        Path media = site.dataDir.resolve("media");
        Files.createDirectories(media);
        Files.write(media.resolve(IMAGE), Pictures.encode(Pictures.picture(40, 30, false), "png"));
        beforeUpgrade = it.testata.backup.UpgradeBackup.ifDue(site.config); // backup.before_upgrade is on
        site.start(false); // this version: migrates, then serves
    }

    static Path beforeUpgrade;

    @Test
    void withBackupBeforeUpgradeOnTheOldSiteIsBackedUpBeforeMigrating() throws Exception {
        assertThat(beforeUpgrade).isNotNull();
        assertThat(beforeUpgrade.getParent()).isEqualTo(site.dataDir.resolve("backups"));
        assertThat(beforeUpgrade.getFileName().toString()).startsWith("testata-before-upgrade-V006-");
        it.testata.backup.Manifest m = it.testata.backup.Archive.verify(beforeUpgrade);
        assertThat(m.schemaVersion()).isEqualTo("006");
        assertThat(m.tables().stream().filter(t -> t.name().equals("articles")).findFirst().orElseThrow().rows()).isEqualTo(1);
        // once migrated, a restart has nothing to migrate and takes no backup
        assertThat(it.testata.backup.UpgradeBackup.ifDue(site.config)).isNull();
    }

    /** Rows as V006's tables take them (times in epoch milliseconds). */
    static void releasedContent(Handle h) {
        long now = PUBLISHED;
        h.execute("INSERT INTO settings (name, value) VALUES ('site_name', 'La Gazzetta del Mulino'), ('locale', 'it'), ('backup.before_upgrade', 'true')");
        h.execute("INSERT INTO authors (id, name, slug, bio, created_at, email) VALUES (1, 'Giulia Neri', 'giulia-neri', '', ?, 'g@example.it')", now);
        h.execute("INSERT INTO categories (id, name, slug, parent_id, description) VALUES (1, 'Cronaca', 'cronaca', NULL, '')");
        h.execute("INSERT INTO tags (id, name, slug) VALUES (1, 'Mulini', 'mulini')");
        h.execute("INSERT INTO images (id, name, width, height, bytes, source_name, uploaded_by, created_at) VALUES (1, ?, 40, 30, 100, 'mulino.png', NULL, ?)",
                IMAGE, now);
        h.execute("""
                INSERT INTO articles (id, slug, title, standfirst, body_md, body_html, status, published_at, created_at, updated_at,
                                      author_id, category_id, comments_open, kind, wp_id, image)
                VALUES (1, 'il-mulino-riapre', 'Il mulino riapre', 'Dopo dieci anni.', 'La ruota gira di nuovo.',
                        '<p>La ruota gira di nuovo.</p>', 'published', ?, ?, ?, 1, 1, 1, 'post', 77, ?)""", now, now, now, IMAGE);
        h.execute("INSERT INTO article_tags (article_id, tag_id) VALUES (1, 1)");
        h.execute("""
                INSERT INTO comments (id, article_id, parent_id, status, author_name, author_email, author_url, body_raw, body_html,
                                      created_at, ip_net, user_agent, verdict, spam_score, spam_reasons, learned, status_at, kind, wp_id)
                VALUES (1, 1, NULL, 'approved', 'Piero', 'piero@example.it', '', 'Finalmente!', '<p>Finalmente!</p>', ?,
                        '203.0.113.0/24', 'test', 'approve', 0.1, '', '', ?, 'comment', NULL)""", now + 1000, now + 1000);
        h.execute("INSERT INTO redirects (path, article_id, target) VALUES ('/vecchio/mulino.html', 1, ''), ('/?p=77', 1, '')");
        h.execute("""
                INSERT INTO users (id, email, name, role, password_hash, disabled, author_id, created_at)
                VALUES (1, 'giulia@example.it', 'Giulia', 'admin', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA', 0, 1, ?)""",
                now);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theArticleItsCommentImageArchivesAndOldAddressSurviveTheUpgrade() {
        HttpResponse<String> article = site.get(ARTICLE);
        assertThat(article.statusCode()).isEqualTo(200);
        assertThat(article.body()).contains("Il mulino riapre").contains("La ruota gira di nuovo.").contains("Finalmente!")
                .contains("La Gazzetta del Mulino").contains("/media/0123456789abcdef01234567").doesNotContain("piero@example.it");
        assertThat(site.get("/category/cronaca/").body()).contains(ARTICLE);
        assertThat(site.get("/tag/mulini/").body()).contains(ARTICLE);
        assertThat(site.get("/author/giulia-neri/").body()).contains(ARTICLE);
        assertThat(site.get("/2025/03/").body()).contains(ARTICLE);
        assertThat(site.get("/feed/").body()).contains("Il mulino riapre");
        assertThat(site.getBytes("/media/" + IMAGE).statusCode()).isEqualTo(200);
        HttpResponse<String> old = site.get("/vecchio/mulino.html");
        assertThat(old.statusCode()).isEqualTo(301);
        assertThat(old.headers().firstValue("Location").orElse("")).endsWith(ARTICLE);
        HttpResponse<String> wp = site.get("/?p=77");
        assertThat(wp.statusCode()).isEqualTo(301);
        assertThat(wp.headers().firstValue("Location").orElse("")).endsWith(ARTICLE);
        java.util.List<String> users = site.site().db.jdbi().withHandle(h -> h.createQuery("SELECT email FROM users")
                .mapTo(String.class).list());
        assertThat(users).containsExactly("giulia@example.it");
    }
}
