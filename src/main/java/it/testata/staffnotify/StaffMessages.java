package it.testata.staffnotify;

import it.testata.article.Article;
import it.testata.comment.CommentRecord;
import it.testata.mail.Email;
import it.testata.mail.MailContent;
import it.testata.mail.MailTemplates;
import it.testata.settings.Settings;
import it.testata.web.Messages;

import java.util.ArrayList;
import java.util.List;

/**
 * The three messages staff get, in the site's language: one held comment (to moderators who want them at once),
 * the hourly digest of held comments, and a new public comment on one's own article (to its author). Each says only
 * what the reader needs: the commenter's name, their e-mail for moderators (the queue shows it to them already, never
 * to authors), the article, an excerpt and a link; each is marked Auto-Submitted and ends with a link to the profile
 * page where the choice is changed.
 */
final class StaffMessages {
    static final String KIND = "staff";
    static final int EXCERPT = 300;
    static final int DIGEST_EXCERPT = 160;

    private final Settings site;
    private final Messages msg;
    private final String base;

    StaffMessages(Settings site, String base) {
        this.site = site;
        this.msg = Messages.of(site.javaLocale());
        this.base = base;
    }

    /** A comment held for moderation, for a moderator who wants each at once. */
    Email held(StaffNotifyStore.Recipient to, CommentRecord c, String articleTitle) {
        MailContent content = new MailContent(msg.lang(), site.siteName(), msg.t("staffnotify.held.heading"),
                List.of(msg.t("staffnotify.held.body", c.authorName(), c.authorEmail(), articleTitle)),
                excerpt(c.bodyRaw(), EXCERPT), new MailContent.Link(msg.t("staffnotify.held.open"), base + "/admin/comments/" + c.id()),
                footerLinks(), msg.t("staffnotify.why.held"));
        return Email.of(KIND, to.email(), msg.t("staffnotify.held.subject", site.siteName(), articleTitle),
                MailTemplates.render(content));
    }

    /** The hourly digest: every held comment not yet in one of this reader's digests. */
    Email digest(StaffNotifyStore.Recipient to, List<StaffNotifyStore.Held> comments) {
        List<MailContent.Item> items = new ArrayList<>();
        for (StaffNotifyStore.Held c : comments) {
            items.add(new MailContent.Item(msg.t("staffnotify.digest.item", c.authorName(), c.authorEmail(), c.articleTitle()),
                    base + "/admin/comments/" + c.id(), excerpt(c.body(), DIGEST_EXCERPT)));
        }
        MailContent content = new MailContent(msg.lang(), site.siteName(), msg.t("staffnotify.digest.heading", comments.size()),
                List.of(msg.t("staffnotify.digest.body")), null,
                new MailContent.Link(msg.t("staffnotify.digest.open"), base + "/admin/comments?status=pending"),
                footerLinks(), msg.t("staffnotify.why.digest"), items);
        return Email.of(KIND, to.email(), msg.t("staffnotify.digest.subject", site.siteName(), comments.size()),
                MailTemplates.render(content));
    }

    /** A new public comment on the reader's own article (no commenter's e-mail: an author does not moderate). */
    Email published(StaffNotifyStore.Recipient to, CommentRecord c, String articleTitle) {
        String link = base + Article.path(c.articleSlug(), c.articlePublishedAt(), site.zone()) + "#comment-" + c.id();
        MailContent content = new MailContent(msg.lang(), site.siteName(), msg.t("staffnotify.own.heading", articleTitle),
                List.of(msg.t("staffnotify.own.body", c.authorName(), articleTitle)), excerpt(c.bodyRaw(), EXCERPT),
                new MailContent.Link(msg.t("staffnotify.own.open"), link), footerLinks(), msg.t("staffnotify.why.own"));
        return Email.of(KIND, to.email(), msg.t("staffnotify.own.subject", site.siteName(), articleTitle),
                MailTemplates.render(content));
    }

    private List<MailContent.Link> footerLinks() {
        return List.of(new MailContent.Link(msg.t("staffnotify.change"), base + "/admin/profile#notifications"));
    }

    /** The start of a comment's text, cut at a word and marked when cut. */
    static String excerpt(String text, int max) {
        String t = text == null ? "" : text.strip();
        if (t.length() <= max) return t;
        int cut = t.lastIndexOf(' ', max);
        return t.substring(0, cut > max / 2 ? cut : max).stripTrailing() + "…";
    }
}
