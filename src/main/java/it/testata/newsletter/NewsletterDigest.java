package it.testata.newsletter;

import it.testata.article.Article;
import it.testata.db.JobRuns;
import it.testata.db.Leases;
import it.testata.mail.DigestRules;
import it.testata.mail.MailContent;
import it.testata.settings.Settings;
import it.testata.web.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The newsletter's daily or weekly digest (newsletter.mode). Every serving process looks each minute; when a digest
 * slot (newsletter.digest_time, and newsletter.digest_day for the weekly one, in the site's zone) has passed since the
 * last run recorded in job_runs, the holder of the "newsletter-digest" lease runs it: the public posts published
 * since the last run (a day before it, or the period and a day back, whichever is earlier, but at most 30 days:
 * no server running for a while loses nothing) that were neither sent alone nor in a digest, less those the editor
 * chose not to send. With none, nothing is sent (the run is recorded all the same). Otherwise one issue (kind 'digest'),
 * its articles in newsletter_digest_articles (one digest per article, ever) and one copy per confirmed subscriber with
 * their own unsubscribe link, all in one transaction with the run's record.
 */
public final class NewsletterDigest {
    private static final Logger log = LoggerFactory.getLogger(NewsletterDigest.class);
    static final String JOB = "newsletter-digest";
    /** A digest never reaches further back than this. */
    static final Duration LOOKBACK = Duration.ofDays(30);

    private final NewsletterService newsletter;
    private final Leases leases;
    private final String holder = UUID.randomUUID().toString();

    public NewsletterDigest(NewsletterService newsletter, Leases leases) {
        this.newsletter = newsletter;
        this.leases = leases;
    }

    /** One look: runs the digest when one is due and this process holds the lease; copies queued, or -1. */
    public int tick(Instant now) {
        DigestRules rules = newsletter.mail().current().digest();
        if (rules.mode() == DigestRules.Mode.ARTICLE || !due(rules, now)) return -1;
        if (!leases.take(JOB, holder, Duration.ofMinutes(5))) return -1;
        try {
            if (!due(rules, now)) return -1; // another server just ran it
            return run(rules, now);
        } finally {
            leases.release(JOB, holder);
        }
    }

    private boolean due(DigestRules rules, Instant now) {
        Instant slot = rules.lastSlot(now, newsletter.site().zone());
        return newsletter.store().jdbi().withHandle(h -> JobRuns.last(h, JOB)).map(last -> last.isBefore(slot)).orElse(true);
    }

    /** The digest itself (also called by tests with a chosen instant); returns the copies queued. */
    public int run(DigestRules rules, Instant now) {
        Settings s = newsletter.site();
        Messages msg = Messages.of(s.javaLocale());
        int queued = newsletter.store().jdbi().inTransaction(h -> {
            // since the last run (a day earlier, for articles dated a little before it), at least the period and a day
            Instant from = now.minus(rules.reach());
            Instant last = JobRuns.last(h, JOB).orElse(from);
            if (last.minus(Duration.ofDays(1)).isBefore(from)) from = last.minus(Duration.ofDays(1));
            if (from.isBefore(now.minus(LOOKBACK))) from = now.minus(LOOKBACK); // old back-dated articles are no news
            List<NewsletterService.FreshArticle> articles = NewsletterStore.forDigest(h, from, now);
            JobRuns.record(h, JOB, now);
            if (articles.isEmpty()) return 0;
            List<Subscriber> readers = NewsletterStore.confirmed(h);
            String subject = msg.t("newsletter.digest.subject", s.siteName());
            long issue = NewsletterStore.insertDigest(h, subject, articles.stream().map(NewsletterService.FreshArticle::id).toList(),
                    readers.size(), now);
            String base = newsletter.baseUrl();
            List<MailContent.Item> items = new ArrayList<>();
            for (NewsletterService.FreshArticle a : articles) {
                items.add(new MailContent.Item(a.title(), base + Article.path(a.slug(), a.publishedAt(), s.zone()),
                        a.standfirst().isBlank() ? null : a.standfirst()));
            }
            MailContent content = new MailContent(msg.lang(), s.siteName(), msg.t("newsletter.digest.heading", s.siteName()),
                    List.of(msg.t("newsletter.digest.body")), null, null,
                    List.of(new MailContent.Link(msg.t("newsletter.mail.unsubscribe"), NewsletterService.UNSUBSCRIBE_SLOT)),
                    msg.t("newsletter.mail.why", s.siteName()), items);
            newsletter.queueCopies(h, issue, readers, subject, content);
            log.info("newsletter digest {}: {} articles to {} subscribers", issue, articles.size(), readers.size());
            return readers.size();
        });
        if (queued > 0) newsletter.mail().poke();
        return queued;
    }
}
