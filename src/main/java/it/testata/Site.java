package it.testata;

import io.javalin.Javalin;
import it.testata.account.Access;
import it.testata.account.AccountService;
import it.testata.account.LoginHandlers;
import it.testata.account.UserHandlers;
import it.testata.account.UserStore;
import it.testata.admin.AdminFrames;
import it.testata.admin.AdminHandlers;
import it.testata.admin.DashboardStore;
import it.testata.api.ApiHandlers;
import it.testata.api.ArticleApiHandlers;
import it.testata.api.CommentApiHandlers;
import it.testata.article.ArticleHandlers;
import it.testata.article.ArticlePasswords;
import it.testata.article.PasswordHandlers;
import it.testata.article.ArticleService;
import it.testata.article.ArticleStore;
import it.testata.article.PageHandlers;
import it.testata.article.Scheduler;
import it.testata.comment.CommentCookies;
import it.testata.comment.CommentHandlers;
import it.testata.comment.CommentService;
import it.testata.comment.CommentStore;
import it.testata.comment.CommentViews;
import it.testata.comment.FormToken;
import it.testata.db.ChangeLog;
import it.testata.db.Db;
import it.testata.db.Leases;
import it.testata.editor.EditorHandlers;
import it.testata.editor.EditorStore;
import it.testata.editor.NewsroomHandlers;
import it.testata.editor.NewsroomService;
import it.testata.feed.FeedHandlers;
import it.testata.feed.FeedService;
import it.testata.feed.FeedStore;
import it.testata.importer.DemoContent;
import it.testata.moderation.ModerationHandlers;
import it.testata.moderation.ModerationService;
import it.testata.settings.SettingsHandlers;
import it.testata.media.ImageService;
import it.testata.media.ImageStore;
import it.testata.media.MediaHandlers;
import it.testata.media.LibraryHandlers;
import it.testata.media.LibraryService;
import it.testata.search.SearchHandlers;
import it.testata.search.SearchService;
import it.testata.search.SearchStore;
import it.testata.redirect.RedirectHandlers;
import it.testata.redirect.RedirectStore;
import it.testata.settings.SettingsService;
import it.testata.sitemap.SitemapHandlers;
import it.testata.sitemap.SitemapStore;
import it.testata.spam.AkismetHandlers;
import it.testata.spam.SpamService;
import it.testata.spam.SpamStore;
import it.testata.spam.StarterModel;
import it.testata.web.Assets;
import it.testata.web.ErrorPages;
import it.testata.web.LayoutService;
import it.testata.web.PageCache;
import it.testata.web.Renderer;
import it.testata.web.Route;
import it.testata.web.Routes;
import it.testata.web.Server;
import it.testata.web.Signer;
import it.testata.web.SiteHandlers;

import java.util.List;

// --- front ---
import it.testata.design.DesignHandlers;
import it.testata.front.FrontHandlers;
import it.testata.front.FrontService;
import it.testata.front.FrontStore;
import it.testata.menu.MenuHandlers;
import it.testata.menu.MenuService;
import it.testata.menu.MenuStore;

/**
 * One Testata site, wired by hand: the database and the services on it. {@link #open} is what every command
 * uses; {@link #serve} adds the HTTP server and the change follower.
 */
public final class Site implements AutoCloseable {
    public final Config config;
    public final Db db;
    public final ChangeLog changes;
    public final SettingsService settings;
    public final ArticleStore articleStore;
    public final ArticleService articles;
    public final CommentStore comments;
    public final SpamService spam;
    public final CommentService commentService;
    public final AccountService accounts;
    public final ImageService images;
    // --- staff: audit log, two-factor sign-in, privacy tools ---
    public final it.testata.audit.AuditLog audit;
    public final it.testata.settings.StaffSettings.Live staffSettings;
    public final it.testata.twofactor.TwoFactorService twoFactor;
    public final it.testata.twofactor.Passkeys passkeys;
    public final it.testata.privacy.PrivacyService privacy;
    public final it.testata.mail.MailService mail; // --- mail ---
    public final it.testata.contact.ContactService contact; // --- mail ---
    public final it.testata.newsletter.NewsletterService newsletter; // --- mail ---
    public final it.testata.notify.NotifyService notify; // --- notify ---
    // --- staffmail: staff notifications, newsletter digests ---
    public final it.testata.staffnotify.StaffNotifyService staffNotify;
    public final it.testata.newsletter.NewsletterDigest newsletterDigest;
    private Javalin http;
    private Scheduler scheduler;
    private SearchService search;
    private java.util.concurrent.ScheduledExecutorService housekeeping;
    private List<Route> routes = List.of();
    private it.testata.mail.MailSender mailSender; // --- mail ---
    // --- ops: metrics, request ids and the access log, scheduled backups ---
    private final it.testata.metrics.Metrics metrics = new it.testata.metrics.Metrics();
    private it.testata.backup.BackupScheduler backups;
    private boolean accessLog;
    private long cacheLagMillis = Long.getLong("testata.cache.lag_ms",
            Config.number(System.getenv(), "TESTATA_CACHE_LAG_MS", 10_000, 0, 3_600_000, "milliseconds"));

    private final it.testata.db.GroupCommit commentWriter; // --- speed ---

    private Site(Config config) {
        this.config = config;
        this.db = Db.open(config);
        this.changes = new ChangeLog(db); // --- cluster2 --- (PostgreSQL: notifies and listens)
        this.settings = new SettingsService(db.jdbi(), changes);
        this.articleStore = new ArticleStore(db.jdbi());
        this.articles = new ArticleService(articleStore, changes);
        this.comments = new CommentStore(db.jdbi());
        this.spam = new SpamService(new SpamStore(db.jdbi()), StarterModel.shipped());
        // --- speed: comment submissions stored in group commits by one writer ---
        this.commentWriter = new it.testata.db.GroupCommit("comment-writer", changes, CommentStore::lockSubmissions, 256);
        this.commentService = new CommentService(comments, changes, spam, commentWriter);
        this.accounts = new AccountService(new UserStore(db.jdbi()), changes);
        this.images = new ImageService(new ImageStore(db.jdbi()), changes, config.dataDir().resolve("media"));
        // --- staff: audit log, two-factor sign-in, privacy tools ---
        this.audit = new it.testata.audit.AuditLog(new it.testata.audit.AuditStore(db.jdbi()));
        this.staffSettings = new it.testata.settings.StaffSettings.Live(settings, changes);
        var secondFactors = new it.testata.twofactor.TwoFactorStore(db.jdbi());
        this.twoFactor = new it.testata.twofactor.TwoFactorService(secondFactors, changes,
                () -> it.testata.twofactor.SecretBox.load(config.dataDir(), System.getenv()));
        this.passkeys = new it.testata.twofactor.Passkeys(secondFactors, changes);
        // every kind of personal data kept by e-mail address; newsletter and contact messages join this list
        this.privacy = new it.testata.privacy.PrivacyService(db.jdbi(), changes, List.of(
                new it.testata.privacy.CommentData(() -> it.testata.web.Messages.of(settings.current().javaLocale()).t("privacy.anonymous")),
                new it.testata.newsletter.SubscriberData(), new it.testata.contact.ContactData(),
                new it.testata.notify.ReplyNotifications())); // --- notify ---
        // --- mail ---
        this.mail = new it.testata.mail.MailService(settings, new it.testata.mail.OutboxStore(db.jdbi()), changes);
        this.contact = new it.testata.contact.ContactService(new it.testata.contact.ContactStore(db.jdbi()), changes, spam, mail);
        this.newsletter = new it.testata.newsletter.NewsletterService(new it.testata.newsletter.NewsletterStore(db.jdbi()),
                changes, mail, settings);
        // --- notify --- reply notifications hang on comment events
        this.notify = new it.testata.notify.NotifyService(new it.testata.notify.NotifyStore(db.jdbi()), changes, mail, settings);
        commentService.listen(notify);
        // --- staffmail: staff told of held and new comments in the comment's transaction; digests under leases ---
        this.staffNotify = new it.testata.staffnotify.StaffNotifyService(new it.testata.staffnotify.StaffNotifyStore(db.jdbi()),
                mail, settings, newsletter::baseUrl, new Leases(db.jdbi()));
        commentService.listen(staffNotify); // --- events --- one CommentListener, after notify
        this.newsletterDigest = new it.testata.newsletter.NewsletterDigest(newsletter, new Leases(db.jdbi()));
        // --- newsroom --- images kept only on disk by older versions move into the database
        int moved = images.importDiskFiles();
        if (moved > 0) org.slf4j.LoggerFactory.getLogger(Site.class).info("moved {} image files into the database", moved);
    }

    /** Opens the database (migrating it) and wires the services; no server. */
    public static Site open(Config config) {
        return new Site(config);
    }

    /** Loads the demo publication when the site has no article yet. */
    public void seedDemoIfEmpty() {
        if (articles.empty()) DemoContent.load(settings, articles);
    }

    // --- front ---
    /**
     * Loads the demo publication with what makes it look real (pictures, logo, menus, a few comments) when the
     * site has no article yet: what {@code ./testata serve} shows a newcomer.
     */
    public void seedFullDemoIfEmpty() {
        if (!articles.empty()) return;
        DemoContent.load(settings, articles);
        it.testata.importer.DemoExtras.load(settings, articles, articleStore, images,
                new it.testata.menu.MenuStore(db.jdbi()), changes);
    }
    // --- end front ---

    /** Starts the HTTP server and the change follower. */
    public Site serve() {
        Assets assets = new Assets();
        // --- front ---
        MenuService menuService = new MenuService(new MenuStore(db.jdbi()), changes);
        FrontService front = new FrontService(articleStore, articles, new FrontStore(db.jdbi()));
        // --- end front ---
        LayoutService layouts = new LayoutService(settings, articleStore, comments, assets, menuService);
        Signer signer = new Signer(settings.signingKey());
        CommentCookies cookies = new CommentCookies(signer);
        FormToken tokens = new FormToken(signer);
        CommentViews commentViews = new CommentViews(commentService, cookies, tokens, settings);
        // cached article pages get a fresh comment-form token in every response
        PageCache cache = new PageCache(articles::nextPublicationMillis, (PageCache.Hole) commentViews::tokenBytes) // --- tail ---
                .lag(cacheLagMillis);
        // --- scale: the sidebar is read once and kept until the change log touches it ---
        // (cluster2: forgotten before the pages drop, so that no page rendered in between keeps an old sidebar)
        changes.subscribe(layouts.sidebar()::onChange);
        changes.subscribe(cache::invalidate);
        Renderer renderer = new Renderer(cache);
        RedirectHandlers redirects = new RedirectHandlers(new RedirectStore(db.jdbi()), settings);
        ErrorPages errors = new ErrorPages(layouts, renderer, Routes.SLASHED, redirects::moved);
        // --- harden: password-protected articles ---
        ArticlePasswords articlePasswords = new ArticlePasswords(db.jdbi(), signer, () -> settings.current().baseUrl());
        ArticleHandlers articlePages = new ArticleHandlers(articles, layouts, renderer, commentViews, articlePasswords,
                front::related);
        search = new SearchService(new SearchStore(db.jdbi()), searchFolder(),
                () -> settings.current().locale(), articles::nextPublicationMillis);
        changes.subscribe(search::onChange);
        search.start();
        AdminFrames adminFrames = new AdminFrames(settings, assets);
        MediaHandlers media = new MediaHandlers(images, adminFrames::messages);
        // --- newsroom ---
        LibraryService library = new LibraryService(new ImageStore(db.jdbi()), images, changes);
        changes.subscribe(library::onChange);
        NewsroomService newsroomService = new NewsroomService(articles, new EditorStore(db.jdbi()), changes, signer);
        EditorHandlers editor = new EditorHandlers(articles, new EditorStore(db.jdbi()), images, media, adminFrames,
                renderer, errors, newsroomService, library,
                new it.testata.page.PageService(new it.testata.page.PageStore(db.jdbi()), changes)); // --- pages ---
        Routes.Newsroom newsroom = new Routes.Newsroom(new LibraryHandlers(library, media, adminFrames, renderer),
                new NewsroomHandlers(newsroomService, editor, articles, articlePages, settings, errors));
        routes = Routes.table(articlePages,
                new CommentHandlers(commentService, commentViews, cookies, tokens, articles, articlePages, settings, errors,
                        mail.links()::noteBase),
                new SiteHandlers(db, assets, layouts, renderer, () -> staffSettings.current().ipRetentionDays()),
                new FeedHandlers(new FeedService(articleStore, new FeedStore(db.jdbi())), articles, layouts, renderer),
                new SitemapHandlers(new SitemapStore(db.jdbi()), layouts, renderer),
                new SearchHandlers(search, layouts, renderer),
                new AkismetHandlers(spam, settings), new PageHandlers(articles, layouts, renderer, articlePages), redirects,
                new LoginHandlers(accounts, adminFrames, renderer, settings, twoFactor, audit),
                new AdminHandlers(adminFrames, renderer, new DashboardStore(db.jdbi()), commentService, spam),
                new ApiHandlers(articles, layouts),
                new ArticleApiHandlers(articles, layouts),
                new CommentApiHandlers(commentService, articles, layouts),
                new Routes.BackOffice(
                        new ModerationHandlers(commentService, new ModerationService(commentService, settings), settings,
                                adminFrames, renderer),
                        new SettingsHandlers(settings, adminFrames, renderer),
                        new UserHandlers(accounts, adminFrames, renderer)),
                media,
                editor,
                new PasswordHandlers(articles, articlePasswords, articlePages, layouts, errors),
                // --- staff: second factor, profile, audit log, privacy tools ---
                new Routes.Staff(
                        new it.testata.twofactor.SecondFactorHandlers(accounts, twoFactor, passkeys, adminFrames, renderer, settings, audit),
                        new it.testata.profile.ProfileHandlers(accounts, twoFactor, passkeys, adminFrames, renderer, settings,
                                staffSettings, audit, staffNotify), // --- staffmail --- (staffNotify)
                        new it.testata.audit.AuditHandlers(audit.store(), adminFrames, renderer),
                        new it.testata.privacy.PrivacyHandlers(privacy, adminFrames, renderer)),
                // --- mail ---
                new Routes.MailRoutes(new it.testata.mail.MailHandlers(mail, adminFrames, renderer),
                        new it.testata.contact.ContactHandlers(contact, tokens, commentViews::tokenHtml, settings, spam,
                                layouts, renderer, errors, adminFrames),
                        new it.testata.newsletter.NewsletterHandlers(newsletter, layouts, renderer, errors),
                        new it.testata.newsletter.NewsletterAdminHandlers(newsletter, mail, adminFrames, renderer),
                        new it.testata.account.PasswordResetHandlers(new it.testata.account.PasswordResetService(db.jdbi(),
                                changes, mail, settings), adminFrames, renderer, settings, layouts)),
                // --- ops ---
                new it.testata.metrics.MetricsHandlers(siteMetrics(renderer), settings),
                newsroom, // --- newsroom ---
                // --- front ---
                new Routes.Front(new MenuHandlers(menuService, adminFrames, renderer),
                        new DesignHandlers(settings, images, adminFrames, renderer),
                        new FrontHandlers(front, articlePages, layouts, renderer)),
                new it.testata.notify.NotifyHandlers(notify, layouts, renderer)); // --- notify ---
        var prefill = new it.testata.comment.CommentPrefill(cookies); // --- scale ---
        Access access = new Access(accounts, settings, errors,
                p -> staffSettings.current().require2fa() && !twoFactor.enrolled(p.user().id()));
        http = Server.create(routes, renderer, errors, ctx -> CommentCookies.personal(ctx) || ArticlePasswords.personal(ctx),
                access, settings::current, audit,
                new it.testata.logs.Requests(metrics, accessLog, () -> settings.current().trustedProxies()),
                // --- scale: remembered form from the cache (never for an unlocked protected article) ---
                ctx -> ArticlePasswords.personal(ctx) ? null : prefill.forRequest(ctx));
        http.start(config.host(), config.port());
        changes.follow();
        housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "testata-housekeeping");
            t.setDaemon(true);
            return t;
        });
        Housekeeping jobs = new Housekeeping(this);
        // spam older than 30 days goes for good: at start, then every hour
        housekeeping.scheduleWithFixedDelay(jobs::purgeSpam, 0, 1, java.util.concurrent.TimeUnit.HOURS);
        // --- staff: comments' networks and old audit entries go after their retention: at start, then every hour ---
        housekeeping.scheduleWithFixedDelay(jobs::staff, 0, 1, java.util.concurrent.TimeUnit.HOURS);
        scheduler = new Scheduler(articles, new Leases(db.jdbi()));
        scheduler.alsoDue(newsletter::publishDue); // --- staffmail --- future-dated articles, once public
        scheduler.start();
        // --- staffmail: the hourly digest of held comments and the newsletter digest, each once across servers ---
        housekeeping.scheduleWithFixedDelay(jobs::digests, 5, 60, java.util.concurrent.TimeUnit.SECONDS);
        // --- mail ---
        mailSender = new it.testata.mail.MailSender(mail.outbox(), new Leases(db.jdbi()), mail::current);
        mail.attach(mailSender);
        mailSender.start();
        // --- ops ---
        backups = new it.testata.backup.BackupScheduler(config, db.jdbi(), settings, new Leases(db.jdbi()));
        backups.start();
        return this;
    }

    /**
     * How long other pages may keep showing the sidebar and counts from before a comment appeared (the comment's
     * own article shows it at once); 10 s unless TESTATA_CACHE_LAG_MS (or the system property {@code testata.cache.lag_ms})
     * says otherwise.
     * Call before {@link #serve}.
     */
    public Site withCacheLag(long millis) {
        cacheLagMillis = millis;
        return this;
    }

    // --- ops ---
    /** Logs one line per request (off by default); call before {@link #serve}. */
    public Site withAccessLog(boolean on) {
        accessLog = on;
        return this;
    }

    public it.testata.metrics.Metrics metrics() {
        return metrics;
    }

    /** The scheduled-backup thread of a serving site (null before {@link #serve}). */
    public it.testata.backup.BackupScheduler backups() {
        return backups;
    }

    /** What /metrics shows of this site, the mail outbox's depth and failures included. */
    private it.testata.metrics.SiteMetrics siteMetrics(Renderer renderer) {
        db.meterPool(metrics.registry());
        return new it.testata.metrics.SiteMetrics(metrics, db.jdbi())
                .counter("testata.page.cache.hits", "Cacheable requests answered from the page cache (front handler included)",
                        renderer::cacheHits)
                .counter("testata.page.cache.misses", "Cacheable requests the page cache did not hold", renderer::cacheMisses)
                .gauge("testata.page.cache.bytes", "What the page cache's pages weigh together (bound: TESTATA_PAGE_CACHE_MB)",
                        renderer::cacheBytes)
                .gauge("testata.spam.lessons", "Comments the site's moderators have taught the spam model", spam::learned)
                .counter("testata.scheduler.runs", "Scheduled-publishing looks made by this server holding the lease",
                        () -> scheduler == null ? 0 : scheduler.runs())
                .counter("testata.scheduler.published", "Articles this server published on schedule",
                        () -> scheduler == null ? 0 : scheduler.published())
                .gauge("testata.search.index.pending", "Articles changed and not yet in this server's search index (its lag)",
                        () -> search == null ? 0 : search.pending())
                .counter("testata.backup.runs", "Scheduled backups this server took", () -> backups == null ? 0 : backups.runs())
                .counter("testata.backup.failures", "Scheduled backups that failed on this server",
                        () -> backups == null ? 0 : backups.failures())
                .gauge("testata.backup.last.success.seconds", "When the last successful scheduled backup ended (epoch seconds)",
                        () -> backups == null ? 0 : backups.lastSuccessSeconds())
                // --- mail: the outbox, shared by every server (read from the database at each scrape) ---
                .gauge("testata.outbox.depth", "Messages queued in the outbox, waiting to be sent",
                        () -> mail.outbox().counts().getOrDefault("queued", 0))
                .counter("testata.outbox.failures", "Messages that failed for good (a 5xx answer, or 48 hours of retries)",
                        () -> mail.outbox().counts().getOrDefault("failed", 0));
    }

    /** The scheduled-publishing thread of a serving site (null before {@link #serve}). */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** This server's own search index, in the data folder (with PostgreSQL every server keeps its own). */
    public java.nio.file.Path searchFolder() {
        return config.dataDir().resolve("search-index");
    }

    public int port() {
        return http.port();
    }

    public List<Route> routes() {
        return routes;
    }

    // --- staff ---
    /** Deletes comments' networks past privacy.ip_retention_days and audit entries past audit.retention_days. */
    public void staffHousekeeping() {
        new Housekeeping(this).staff();
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.close();
        if (mailSender != null) mailSender.close(); // --- mail ---
        if (backups != null) backups.close(); // --- ops ---
        if (housekeeping != null) housekeeping.shutdownNow();
        changes.close();
        if (http != null) {
            try {
                http.stop();
            } catch (RuntimeException e) {
                // a slow connection still closing is no reason to keep the database open
                org.slf4j.LoggerFactory.getLogger(Site.class).warn("the HTTP server did not stop cleanly: {}", e.toString());
            }
        }
        if (search != null) search.close();
        commentWriter.close(); // --- speed ---
        db.close();
    }
}
