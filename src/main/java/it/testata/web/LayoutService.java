package it.testata.web;

import io.javalin.http.Context;
import it.testata.article.ArticleQuery;
import it.testata.article.ArticleStore;
import it.testata.comment.CommentStore;
import it.testata.settings.Settings;
import it.testata.settings.SettingsService;

import java.time.Instant;
import java.util.List;

/** Builds the frame every public page shares: settings, texts, the sidebar's recent articles and comments. */
public final class LayoutService {
    /** Tags of what the frame shows; every cached public page carries them. */
    public static final List<String> TAGS = List.of("sidebar:articles", "sidebar:comments",
            it.testata.menu.MenuService.TAG); // --- menus ---

    private final SettingsService settings;
    private final Assets assets;
    private final Sidebar sidebar;
    private final it.testata.menu.MenuService menus;

    public LayoutService(SettingsService settings, ArticleStore articles, CommentStore comments, Assets assets,
                         it.testata.menu.MenuService menus) {
        this.settings = settings;
        this.assets = assets;
        this.menus = menus;
        this.sidebar = new Sidebar(zone -> {
            Instant now = Instant.now();
            return new Sidebar.Lists(articles.listPublic(ArticleQuery.all(), now, 5, 0),
                    comments.recentApproved(5, now, zone),
                    menus.menu(it.testata.menu.Menu.PRIMARY), menus.menu(it.testata.menu.Menu.FOOTER)); // --- bigsite ---
        }, () -> articles.nextPublication(Instant.now()).map(Instant::toEpochMilli).orElse(Long.MAX_VALUE));
    }

    /** The kept sidebar, which the change log keeps current (see {@link Sidebar#onChange}). */
    public Sidebar sidebar() {
        return sidebar;
    }

    private static final it.testata.menu.Menu EMPTY_PRIMARY =
            new it.testata.menu.Menu(it.testata.menu.Menu.PRIMARY, List.of(), false);
    private static final it.testata.menu.Menu EMPTY_FOOTER =
            new it.testata.menu.Menu(it.testata.menu.Menu.FOOTER, List.of(), false);

    public Settings site() {
        return settings.current();
    }

    public Messages messages() {
        return Messages.of(site().javaLocale());
    }

    public Layout layout(Context ctx, String title, String description, String canonicalPath, String jsonLd) {
        Settings s = site();
        Sidebar.Lists side = sidebar.lists(s.zone());
        return new Layout(s, Messages.of(s.javaLocale()), assets, baseUrl(ctx), title, description, canonicalPath,
                jsonLd, side.articles(), side.comments(), searchTerm(ctx), false,
                side.primary(), side.footer()); // --- bigsite: the menus are kept with the sidebar ---
    }

    /** A frame without database reads, for error pages when the database itself may be the problem. */
    public Layout bare(Context ctx, String title) {
        Settings s;
        try {
            s = site();
        } catch (RuntimeException e) {
            s = Settings.fromRows(java.util.Map.of());
        }
        return new Layout(s, Messages.of(s.javaLocale()), assets, baseUrl(ctx), title, "", ctx.path(), null,
                List.of(), List.of(), "", true, EMPTY_PRIMARY, EMPTY_FOOTER);
    }

    /** The site's base URL: the setting when given, else the scheme and host of the request. */
    public String baseUrl(Context ctx) {
        String configured = site().baseUrl();
        if (configured != null && !configured.isBlank()) return configured.replaceAll("/+$", "");
        return requestBase(ctx);
    }

    /** The scheme and host this request reached the site at (behind a trusted proxy, the proxy's view of them). */
    public static String requestBase(Context ctx) {
        String scheme = ClientAddress.scheme(ctx);
        String host = ClientAddress.host(ctx);
        return scheme + "://" + (host == null ? "localhost" : host.replaceAll("[^A-Za-z0-9.:\\[\\]-]", ""));
    }

    private static String searchTerm(Context ctx) {
        String s = ctx.queryParam("s");
        return s == null ? "" : s;
    }
}
