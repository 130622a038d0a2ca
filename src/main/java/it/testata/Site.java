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
    private Javalin http;
    private Scheduler scheduler;
    private SearchService search;
    private java.util.concurrent.ScheduledExecutorService housekeeping;
    private List<Route> routes = List.of();

    private Site(Config config) {
        this.config = config;
        this.db = Db.open(config);
        this.changes = new ChangeLog(db.jdbi());
        this.settings = new SettingsService(db.jdbi(), changes);
        this.articleStore = new ArticleStore(db.jdbi());
        this.articles = new ArticleService(articleStore, changes);
        this.comments = new CommentStore(db.jdbi());
        this.spam = new SpamService(new SpamStore(db.jdbi()), StarterModel.shipped());
        this.commentService = new CommentService(comments, changes, spam);
        this.accounts = new AccountService(new UserStore(db.jdbi()), changes);
        this.images = new ImageService(new ImageStore(db.jdbi()), changes, config.dataDir().resolve("media"));
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
        PageCache cache = new PageCache(articles::nextPublicationMillis, commentViews::tokenHtml);
        changes.subscribe(cache::invalidate);
        Renderer renderer = new Renderer(cache);
        RedirectHandlers redirects = new RedirectHandlers(new RedirectStore(db.jdbi()), settings);
        ErrorPages errors = new ErrorPages(layouts, renderer, Routes.SLASHED, redirects::moved);
        ArticleHandlers articlePages = new ArticleHandlers(articles, layouts, renderer, commentViews, front::related);
        search = new SearchService(new SearchStore(db.jdbi()), searchFolder(),
                () -> settings.current().locale(), articles::nextPublicationMillis);
        changes.subscribe(search::onChange);
        search.start();
        AdminFrames adminFrames = new AdminFrames(settings, assets);
        MediaHandlers media = new MediaHandlers(images, adminFrames::messages);
        routes = Routes.table(articlePages,
                new CommentHandlers(commentService, commentViews, cookies, tokens, articles, articlePages, settings, errors),
                new SiteHandlers(db, assets, layouts, renderer),
                new FeedHandlers(new FeedService(articleStore, new FeedStore(db.jdbi())), articles, layouts, renderer),
                new SitemapHandlers(new SitemapStore(db.jdbi()), layouts, renderer),
                new SearchHandlers(search, layouts, renderer),
                new AkismetHandlers(spam, settings), new PageHandlers(articles, layouts, renderer), redirects,
                new LoginHandlers(accounts, adminFrames, renderer, settings),
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
                new EditorHandlers(articles, new EditorStore(db.jdbi()), images, media, adminFrames, renderer, errors),
                // --- front ---
                new Routes.Front(new MenuHandlers(menuService, adminFrames, renderer),
                        new DesignHandlers(settings, images, adminFrames, renderer),
                        new FrontHandlers(front, articlePages, layouts, renderer)));
        http = Server.create(routes, renderer, errors, CommentCookies::personal, new Access(accounts, settings, errors));
        http.start(config.host(), config.port());
        changes.follow();
        housekeeping = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "testata-housekeeping");
            t.setDaemon(true);
            return t;
        });
        // spam older than 30 days goes for good: at start, then every hour
        housekeeping.scheduleWithFixedDelay(this::purgeSpam, 0, 1, java.util.concurrent.TimeUnit.HOURS);
        scheduler = new Scheduler(articles, new Leases(db.jdbi()));
        scheduler.start();
        return this;
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

    private void purgeSpam() {
        try {
            int n = commentService.purgeSpam(java.time.Instant.now());
            if (n > 0) org.slf4j.LoggerFactory.getLogger(Site.class).info("purged {} spam comments older than 30 days", n);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Site.class).warn("spam purge failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (scheduler != null) scheduler.close();
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
        db.close();
    }
}
