package it.testata.web;

import it.testata.account.LoginHandlers;
import it.testata.admin.AdminHandlers;
import it.testata.api.ApiHandlers;
import it.testata.api.ArticleApiHandlers;
import it.testata.api.CommentApiHandlers;
import it.testata.article.ArticleHandlers;
import it.testata.article.PageHandlers;
import it.testata.account.UserHandlers;
import it.testata.comment.CommentHandlers;
import it.testata.moderation.ModerationHandlers;
import it.testata.settings.SettingsHandlers;
import it.testata.editor.EditorHandlers;
import it.testata.feed.FeedHandlers;
import it.testata.media.MediaHandlers;
import it.testata.search.SearchHandlers;
import it.testata.sitemap.SitemapHandlers;
import it.testata.redirect.RedirectHandlers;
import it.testata.spam.AkismetHandlers;

import java.util.List;
import java.util.regex.Pattern;

import static it.testata.web.Route.Guard.ADMIN;
import static it.testata.web.Route.Guard.EDITOR;
import static it.testata.web.Route.Guard.AUTHOR;
import static it.testata.web.Route.Guard.EDITOR;
import static it.testata.web.Route.Guard.LOGIN;
import static it.testata.web.Route.Guard.MODERATOR;
import static it.testata.web.Route.Guard.KEYED;
import static it.testata.web.Route.Guard.PUBLIC;
import static it.testata.web.Route.Guard.PUBLIC_FORM;
import static it.testata.web.Route.Guard.STAFF;

/** Every route of the site, in one table, each with its guard. Specific paths come before general ones. */
public final class Routes {
    /** Public addresses that end in a slash; the same address without it redirects 301. */
    public static final Pattern SLASHED = Pattern.compile(
            "^/(privacy|page/\\d+|(category|tag|author)/[^/]+(/page/\\d+)?|\\d{4}/\\d{2}(/page/\\d+)?|\\d{4}/page/\\d+|\\d{4}/\\d{2}/\\d{2}/[^/]+"
            + "|((category|tag|author)/[^/]+/|\\d{4}/\\d{2}/\\d{2}/[^/]+/|comments/)?feed|feed/atom|search/[^/]+(/page/\\d+)?"
            // possessive: a plain (-[a-z0-9]+)* recursed once per dash and overflowed the stack on a long crafted path
            + "|[a-z0-9]++(?:-[a-z0-9]++)*+)/$");

    private Routes() {}

    /** The back office's moderation queue, settings and accounts pages. */
    public record BackOffice(ModerationHandlers moderation, SettingsHandlers settings, UserHandlers users) {}

    // --- staff: second factor at sign-in, profile, audit log, privacy tools ---
    /** The staff security pages: the sign-in's second step and passkeys, the profile, the audit log, privacy tools. */
    public record Staff(it.testata.twofactor.SecondFactorHandlers secondFactor, it.testata.profile.ProfileHandlers profile,
                        it.testata.audit.AuditHandlers audit, it.testata.privacy.PrivacyHandlers privacy) {}

    static List<Route> staff(Staff s) {
        return List.of(
                new Route("GET", "/admin/login/2fa", LOGIN, s.secondFactor()::form),
                new Route("POST", "/admin/login/2fa", LOGIN, s.secondFactor()::submit),
                new Route("POST", "/admin/login/passkey/options", LOGIN, s.secondFactor()::options),
                new Route("POST", "/admin/login/passkey", LOGIN, s.secondFactor()::verify),
                new Route("GET", "/admin/profile", STAFF, s.profile()::page),
                new Route("POST", "/admin/profile/name", STAFF, s.profile()::name),
                new Route("POST", "/admin/profile/password", STAFF, s.profile()::password),
                new Route("POST", "/admin/profile/totp/start", STAFF, s.profile()::totpStart),
                new Route("POST", "/admin/profile/totp/confirm", STAFF, s.profile()::totpConfirm),
                new Route("POST", "/admin/profile/totp/disable", STAFF, s.profile()::totpDisable),
                new Route("POST", "/admin/profile/recovery", STAFF, s.profile()::recovery),
                new Route("POST", "/admin/profile/passkeys/options", STAFF, s.profile()::passkeyOptions),
                new Route("POST", "/admin/profile/passkeys", STAFF, s.profile()::passkeyAdd),
                new Route("POST", "/admin/profile/passkeys/{id}/name", STAFF, s.profile()::passkeyName),
                new Route("POST", "/admin/profile/passkeys/{id}/delete", STAFF, s.profile()::passkeyDelete),
                new Route("POST", "/admin/profile/sessions/others", STAFF, s.profile()::signOutOthers),
                new Route("POST", "/admin/profile/notifications", STAFF, s.profile()::notifications), // --- staffmail ---
                new Route("GET", "/admin/audit", ADMIN, s.audit()::list),
                new Route("GET", "/admin/privacy", ADMIN, s.privacy()::page),
                new Route("POST", "/admin/privacy/export", ADMIN, s.privacy()::export),
                new Route("POST", "/admin/privacy/erase", ADMIN, s.privacy()::erase));
    }
    // --- mail ---
    /** The mail feature's handlers: the outbox page, the contact form and its inbox. */
    public record MailRoutes(it.testata.mail.MailHandlers mail, it.testata.contact.ContactHandlers contact,
                             it.testata.newsletter.NewsletterHandlers newsletter,
                             it.testata.newsletter.NewsletterAdminHandlers newsletterAdmin,
                             it.testata.account.PasswordResetHandlers reset) {
        List<Route> routes() {
            return List.of(
                    new Route("GET", "/admin/password-reset", LOGIN, reset::form),
                    new Route("POST", "/admin/password-reset", LOGIN, reset::request),
                    new Route("GET", "/admin/password-reset/new", LOGIN, reset::choose),
                    new Route("POST", "/admin/password-reset/new", LOGIN, reset::reset),
                    new Route("GET", "/newsletter/", PUBLIC, newsletter::page),
                    new Route("POST", "/newsletter/", PUBLIC_FORM, newsletter::subscribe),
                    new Route("GET", "/newsletter/confirm", PUBLIC, newsletter::confirmPage),
                    new Route("POST", "/newsletter/confirm", PUBLIC_FORM, newsletter::confirm),
                    new Route("GET", "/newsletter/unsubscribe", PUBLIC, newsletter::unsubscribePage),
                    new Route("POST", "/newsletter/unsubscribe", PUBLIC_FORM, newsletter::unsubscribe),
                    new Route("GET", "/admin/newsletter", EDITOR, newsletterAdmin::list),
                    new Route("GET", "/admin/newsletter/export.csv", EDITOR, newsletterAdmin::export),
                    new Route("POST", "/admin/newsletter/import", EDITOR, newsletterAdmin::importCsv, Route.Body.MULTIPART),
                    new Route("GET", "/admin/newsletter/issues", EDITOR, newsletterAdmin::issues),
                    new Route("GET", "/contatti/", PUBLIC, contact::page),
                    new Route("POST", "/contatti/", PUBLIC_FORM, contact::post),
                    new Route("GET", "/contact/", PUBLIC, contact::page),
                    new Route("POST", "/contact/", PUBLIC_FORM, contact::post),
                    new Route("GET", "/admin/messages", EDITOR, contact::inbox),
                    new Route("GET", "/admin/messages/{id}", EDITOR, contact::message),
                    new Route("POST", "/admin/messages/{id}", EDITOR, contact::act),
                    new Route("GET", "/admin/mail", ADMIN, mail::page),
                    new Route("POST", "/admin/mail/settings", ADMIN, mail::save),
                    new Route("POST", "/admin/mail/test", ADMIN, mail::test),
                    new Route("POST", "/admin/mail/{id}/retry", ADMIN, mail::retry));
        }
    }
    // --- end mail ---
    // --- notify ---
    /** The links of reply-notification e-mails: a GET shows a button, a POST (or a one-click POST) acts. */
    static List<Route> notify(it.testata.notify.NotifyHandlers n) {
        return List.of(
                new Route("GET", "/replies/confirm", PUBLIC, n::confirmPage),
                new Route("POST", "/replies/confirm", PUBLIC_FORM, n::confirm),
                new Route("GET", "/replies/unsubscribe", PUBLIC, n::stopPage),
                new Route("POST", "/replies/unsubscribe", PUBLIC_FORM, n::stop),
                new Route("GET", "/replies/unsubscribe-all", PUBLIC, n::stopAllPage),
                new Route("POST", "/replies/unsubscribe-all", PUBLIC_FORM, n::stopAll));
    }
    // --- end notify ---
    // --- newsroom ---
    /** The newsroom's media library, trash and preview links. */
    public record Newsroom(it.testata.media.LibraryHandlers library, it.testata.editor.NewsroomHandlers editor) {}
    // --- front: menus, design, front page ---
    /** The public side's own handlers: the menu editor, the design page and the newspaper front page. */
    public record Front(it.testata.menu.MenuHandlers menus, it.testata.design.DesignHandlers design,
                        it.testata.front.FrontHandlers front) {}
    // --- end front ---

    public static List<Route> table(ArticleHandlers articles, CommentHandlers comments, SiteHandlers site,
                                    FeedHandlers feeds, SitemapHandlers sitemaps, SearchHandlers search,
                                    AkismetHandlers akismet, PageHandlers pages, RedirectHandlers redirects,
                                    LoginHandlers login, AdminHandlers admin, ApiHandlers api,
                                    ArticleApiHandlers articleApi, CommentApiHandlers commentApi, BackOffice office,
                                    MediaHandlers media, EditorHandlers editor,
                                    it.testata.article.PasswordHandlers passwords, Staff staff, MailRoutes mail,
                                    it.testata.metrics.MetricsHandlers metrics, Newsroom newsroom,
                                    Front front, it.testata.notify.NotifyHandlers notify) {
        List<Route> all = new java.util.ArrayList<>(staff(staff)); // --- staff ---
        all.addAll(mail.routes()); // --- mail --- (specific paths, first)
        all.addAll(notify(notify)); // --- notify ---
        all.addAll(List.of(
                // --- front: menus, design, front page, year archive ---
                new Route("GET", "/admin/menus", EDITOR, front.menus()::page),
                new Route("POST", "/admin/menus", EDITOR, front.menus()::act),
                new Route("GET", "/admin/design", ADMIN, front.design()::form),
                new Route("POST", "/admin/design", ADMIN, front.design()::save, Route.Body.MULTIPART),
                new Route("GET", "/design/{file}", PUBLIC, front.design()::accentCss),
                // --- end front ---
                new Route("GET", "/admin/login", LOGIN, login::form),
                new Route("POST", "/admin/login", LOGIN, login::submit),
                new Route("POST", "/admin/logout", STAFF, login::logout),
                new Route("GET", "/admin", STAFF, admin::root),
                new Route("GET", "/admin/", STAFF, admin::dashboard),
                new Route("GET", "/admin/comments", MODERATOR, office.moderation()::queue),
                new Route("POST", "/admin/comments", MODERATOR, office.moderation()::act),
                new Route("GET", "/admin/comments/{id}", MODERATOR, office.moderation()::comment),
                new Route("POST", "/admin/comments/{id}/edit", MODERATOR, office.moderation()::edit),
                new Route("POST", "/admin/comments/{id}/reply", MODERATOR, office.moderation()::reply),
                new Route("POST", "/admin/comments/{id}/ban", MODERATOR, office.moderation()::ban),
                new Route("GET", "/admin/settings", ADMIN, office.settings()::form),
                new Route("POST", "/admin/settings", ADMIN, office.settings()::save),
                new Route("GET", "/admin/users", ADMIN, office.users()::list),
                new Route("POST", "/admin/users", ADMIN, office.users()::add),
                new Route("POST", "/admin/users/{id}/role", ADMIN, office.users()::role),
                new Route("POST", "/admin/users/{id}/disabled", ADMIN, office.users()::disabled),
                new Route("POST", "/admin/images", AUTHOR, media::upload, Route.Body.MULTIPART), // --- harden: multipart ---
                new Route("GET", "/admin/articles", AUTHOR, editor::list),
                new Route("GET", "/admin/articles/new", AUTHOR, editor::newArticle),
                new Route("POST", "/admin/articles/new", AUTHOR, editor::create, Route.Body.MULTIPART), // the editor's image field
                new Route("POST", "/admin/articles/preview", AUTHOR, editor::preview),
                new Route("GET", "/admin/articles/{id}", AUTHOR, editor::edit),
                new Route("POST", "/admin/articles/{id}", AUTHOR, editor::update, Route.Body.MULTIPART),
                new Route("GET", "/admin/articles/{id}/revisions", AUTHOR, editor::revisions),
                new Route("POST", "/admin/articles/{id}/revisions/{revision}/restore", AUTHOR, editor::restore),
                // --- newsroom ---
                new Route("GET", "/admin/media", AUTHOR, newsroom.library()::list),
                new Route("POST", "/admin/media", AUTHOR, newsroom.library()::upload, Route.Body.MULTIPART),
                new Route("GET", "/admin/media/{id}", AUTHOR, newsroom.library()::image),
                new Route("POST", "/admin/media/{id}", AUTHOR, newsroom.library()::describe),
                new Route("POST", "/admin/media/{id}/delete", EDITOR, newsroom.library()::delete),
                new Route("POST", "/admin/articles/{id}/trash", AUTHOR, newsroom.editor()::trash),
                new Route("POST", "/admin/articles/{id}/untrash", AUTHOR, newsroom.editor()::restore),
                new Route("POST", "/admin/articles/{id}/delete", ADMIN, newsroom.editor()::deleteForever),
                new Route("GET", "/preview/{token}", PUBLIC, newsroom.editor()::preview),
                new Route("GET", "/admin/pages", AUTHOR, editor::pages),
                new Route("GET", "/admin/pages/new", AUTHOR, editor::newPage),
                // --- end newsroom ---
                new Route("GET", "/api/v1/openapi.json", STAFF, api::openApi),
                new Route("GET", "/api/v1/categories", STAFF, api::categories),
                new Route("GET", "/api/v1/tags", STAFF, api::tags),
                new Route("GET", "/api/v1/articles", AUTHOR, articleApi::list),
                new Route("POST", "/api/v1/articles", AUTHOR, articleApi::create),
                new Route("GET", "/api/v1/articles/{id}", AUTHOR, articleApi::get),
                new Route("PATCH", "/api/v1/articles/{id}", AUTHOR, articleApi::patch),
                new Route("DELETE", "/api/v1/articles/{id}", AUTHOR, articleApi::delete),
                new Route("GET", "/api/v1/articles/{id}/revisions", AUTHOR, articleApi::revisions),
                new Route("GET", "/api/v1/comments", MODERATOR, commentApi::list),
                new Route("GET", "/api/v1/comments/{id}", MODERATOR, commentApi::get),
                new Route("POST", "/api/v1/comments/{id}/approve", MODERATOR, commentApi::approve),
                new Route("POST", "/api/v1/comments/{id}/spam", MODERATOR, commentApi::spam),
                new Route("POST", "/api/v1/comments/{id}/trash", MODERATOR, commentApi::trash),
                new Route("DELETE", "/api/v1/comments/{id}", MODERATOR, commentApi::delete),
                new Route("GET", "/healthz", PUBLIC, site::health),
                // --- ops: Prometheus scrape, behind metrics.token or metrics.allow ---
                new Route("GET", "/metrics", KEYED, metrics::scrape),
                new Route("GET", "/media/{file}", PUBLIC, media::file),
                new Route("GET", "/static/<path>", PUBLIC, site::asset),
                new Route("GET", "/privacy/", PUBLIC, site::privacy),
                new Route("POST", "/comments/", PUBLIC_FORM, comments::post),
                new Route("POST", "/article-password/", PUBLIC_FORM, passwords::unlock), // --- harden: protected articles ---
                new Route("POST", "/akismet/1.1/verify-key", KEYED, akismet::verifyKey),
                new Route("POST", "/akismet/1.1/comment-check", KEYED, akismet::commentCheck),
                new Route("POST", "/akismet/1.1/submit-spam", KEYED, akismet::submitSpam),
                new Route("POST", "/akismet/1.1/submit-ham", KEYED, akismet::submitHam),
                new Route("GET", "/robots.txt", PUBLIC, sitemaps::robots),
                new Route("GET", "/sitemap.xml", PUBLIC, sitemaps::index),
                new Route("GET", "/sitemaps/{name}", PUBLIC, sitemaps::sitemap),
                new Route("GET", "/feed/", PUBLIC, feeds::latest),
                new Route("GET", "/feed/atom/", PUBLIC, feeds::latestAtom),
                new Route("GET", "/comments/feed/", PUBLIC, feeds::comments),
                new Route("GET", "/category/{slug}/feed/", PUBLIC, feeds::category),
                new Route("GET", "/tag/{slug}/feed/", PUBLIC, feeds::tag),
                new Route("GET", "/author/{slug}/feed/", PUBLIC, feeds::author),
                new Route("GET", "/{year}/{month}/{day}/{slug}/feed/", PUBLIC, feeds::articleComments),
                new Route("GET", "/search/{term}/", PUBLIC, search::path),
                new Route("GET", "/search/{term}/page/{n}/", PUBLIC, search::path),
                // WordPress's search address is the home page with ?s=
                // WordPress's /?p=ID and /?page_id=ID redirect first
                new Route("GET", "/", PUBLIC, redirects.home(ctx -> {
                    if (SearchHandlers.isSearch(ctx)) search.query(ctx); else front.front().home(ctx);
                })),
                new Route("GET", "/page/{n}/", PUBLIC, ctx -> {
                    if (SearchHandlers.isSearch(ctx)) search.query(ctx); else articles.home(ctx);
                }),
                new Route("GET", "/category/{slug}/", PUBLIC, articles::category),
                new Route("GET", "/category/{slug}/page/{n}/", PUBLIC, articles::category),
                new Route("GET", "/tag/{slug}/", PUBLIC, articles::tag),
                new Route("GET", "/tag/{slug}/page/{n}/", PUBLIC, articles::tag),
                new Route("GET", "/author/{slug}/", PUBLIC, articles::author),
                new Route("GET", "/author/{slug}/page/{n}/", PUBLIC, articles::author),
                // --- pages: two segments that are not a month are a page under its parent (/chi-siamo/la-redazione/) ---
                new Route("GET", "/{year}/{month}/", PUBLIC, ctx -> {
                    if (PageHandlers.dated(ctx.pathParam("year"), ctx.pathParam("month"))) articles.month(ctx); else pages.page(ctx);
                }),
                new Route("GET", "/{year}/{month}/page/{n}/", PUBLIC, articles::month),
                new Route("GET", "/{year}/{month}/{day}/{slug}/", PUBLIC, articles::article),
                // --- front: the year archive's later pages (/2024/page/2/) ---
                new Route("GET", "/{year}/page/{n}/", PUBLIC, ctx -> { // --- pages: or a page under two parents ---
                    if (ctx.pathParam("year").matches("[0-9]{4}")) articles.year(ctx); else pages.page(ctx);
                }),
                // after every other route: a page's address is one segment that no other route claims
                // (front: four digits are a year archive, /2024/)
                new Route("GET", "/{slug}/", PUBLIC, ctx -> {
                    if (ctx.pathParam("slug").matches("[0-9]{4}")) articles.year(ctx); else pages.page(ctx);
                }),
                new Route("GET", "/{grandparent}/{parent}/{slug}/", PUBLIC, pages::page))); // --- pages ---
        return List.copyOf(all);
    }
}
