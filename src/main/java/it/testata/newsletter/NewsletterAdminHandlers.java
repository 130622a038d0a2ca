package it.testata.newsletter;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.mail.MailService;
import it.testata.web.ClientAddress;
import it.testata.web.Renderer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The newsroom's newsletter pages (/admin/newsletter, editors and administrators): subscribers with search and
 * counts, CSV import (confirmed only with the consent box ticked) and export, and the issues sent with their
 * delivery figures.
 */
public final class NewsletterAdminHandlers {
    private final NewsletterService newsletter;
    private final MailService mail;
    private final AdminFrames frames;
    private final Renderer renderer;

    public NewsletterAdminHandlers(NewsletterService newsletter, MailService mail, AdminFrames frames, Renderer renderer) {
        this.newsletter = newsletter;
        this.mail = mail;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** What admin/newsletter.jte receives. */
    public record ListPage(AdminFrame frame, Map<String, Integer> counts, String query, String status,
                           List<Subscriber> subscribers, String notice, List<String> refused) {
        public String when(java.time.Instant at) {
            return at == null ? "" : frame.msg().dateTime(at, frame.site().zone());
        }
    }

    /** An issue with its delivery figures (queued, sent, failed). */
    public record IssueRow(NewsletterStore.Issue issue, Map<String, Integer> figures) {}

    public record IssuesPage(AdminFrame frame, List<IssueRow> issues) {
        public String when(java.time.Instant at) {
            return frame.msg().dateTime(at, frame.site().zone());
        }
    }

    /** Every form value goes through here (one place for an input cleaner). */
    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : it.testata.text.CleanText.text(v).strip(); // control characters go (harden)
    }

    /** GET /admin/newsletter?q=...&status=... */
    public void list(Context ctx) {
        show(ctx, 200, null, List.of());
    }

    private void show(Context ctx, int status, String notice, List<String> refused) {
        String q = ctx.queryParam("q") == null ? "" : ctx.queryParam("q").strip();
        String st = ctx.queryParam("status");
        if (st != null && !st.matches("pending|confirmed|unsubscribed|bouncing")) st = null;
        AdminFrame frame = frames.frame(ctx, "newsletter.admin.title", "newsletter");
        renderer.privatePage(ctx, status, "admin/newsletter.jte", new ListPage(frame, newsletter.store().counts(), q, st,
                newsletter.store().search(q, st, 500), notice, refused));
    }

    /** POST /admin/newsletter/import: a CSV file or pasted lines; "consent" ticked confirms them at once. */
    public void importCsv(Context ctx) {
        String text = field(ctx, "lines");
        UploadedFile file = ctx.uploadedFile("file");
        if (file != null && file.size() > 0) {
            try (InputStream in = file.content()) {
                text = new String(in.readNBytes(20_000_000), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        boolean consented = "yes".equals(field(ctx, "consent"));
        NewsletterService.Imported r = newsletter.importLines(text.lines().toList(), consented, ClientAddress.network(ctx));
        AdminFrame frame = frames.frame(ctx, "newsletter.admin.title", "newsletter");
        String notice = frame.msg().t(consented ? "newsletter.admin.imported" : "newsletter.admin.importedPending",
                r.added(), r.already(), r.refused().size());
        show(ctx, r.refused().isEmpty() ? 200 : 422, notice, r.refused());
    }

    /** GET /admin/newsletter/export.csv */
    public void export(Context ctx) {
        StringBuilder b = new StringBuilder("email,name,status,consent_at,consent_network,consent_source,confirmed_at,confirmed_network\n");
        for (Subscriber s : newsletter.store().all()) {
            b.append(csv(s.email())).append(',').append(csv(s.name())).append(',').append(s.status()).append(',')
                    .append(s.consentAt()).append(',').append(csv(s.consentNet())).append(',').append(s.consentSource()).append(',')
                    .append(s.confirmedAt() == null ? "" : s.confirmedAt().toString()).append(',')
                    .append(csv(s.confirmedNet() == null ? "" : s.confirmedNet())).append('\n');
        }
        ctx.header("Content-Disposition", "attachment; filename=\"subscribers.csv\"");
        ctx.contentType("text/csv; charset=utf-8").result(b.toString());
    }

    /** GET /admin/newsletter/issues */
    public void issues(Context ctx) {
        AdminFrame frame = frames.frame(ctx, "newsletter.admin.issues", "newsletter");
        List<IssueRow> rows = newsletter.store().issues(100).stream()
                .map(i -> new IssueRow(i, mail.outbox().issueCounts(i.id()))).toList();
        renderer.privatePage(ctx, 200, "admin/newsletter-issues.jte", new IssuesPage(frame, rows));
    }

    /** A CSV field: quoted when it holds a comma, quote or line break; a leading formula character is defused. */
    static String csv(String v) {
        String s = v == null ? "" : v;
        if (!s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0) s = "'" + s;
        return s.matches(".*[\",\r\n].*") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
