package it.testata.importer;

import it.testata.article.Article;
import it.testata.article.ArticleQuery;
import it.testata.article.ArticleService;
import it.testata.article.ArticleStore;
import it.testata.comment.CommentStatus;
import it.testata.comment.CommentStore;
import it.testata.comment.CommentText;
import it.testata.comment.NewComment;
import it.testata.db.ChangeLog;
import it.testata.design.Icons;
import it.testata.media.Image;
import it.testata.media.ImageService;
import it.testata.menu.Menu;
import it.testata.menu.MenuItem;
import it.testata.menu.MenuService;
import it.testata.menu.MenuStore;
import it.testata.settings.SettingsService;
import org.slf4j.LoggerFactory;

import java.awt.Color;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What makes the demo publication look like a real site, beyond its articles: a picture for most articles and a
 * logo (drawn by {@link Illustrations}, stored through {@link ImageService} like any upload, so the icons come
 * from the logo as on /admin/design), the menus, and a few approved reader comments with a reply from the
 * newsroom.
 */
public final class DemoExtras {
    /** Every third article stays without a picture, as on a real site. */
    static final int NO_PICTURE_EVERY = 3;

    private DemoExtras() {}

    public static void load(SettingsService settings, ArticleService articles, ArticleStore store, ImageService images,
                            MenuStore menus, ChangeLog changes) {
        List<Article> all = store.listPublic(ArticleQuery.all(), Instant.now(), 100, 0);
        int i = 0;
        for (Article a : all) {
            i++;
            if (a.image() != null || i % NO_PICTURE_EVERY == 0) continue;
            Image img = images.upload(Illustrations.landscape(a.slug().hashCode()), a.slug() + ".jpg", null);
            articles.setImage(a.id(), img.name());
        }
        logo(settings, images);
        menus(changes, menus, all, settings.current().zone());
        comments(changes, all);
        LoggerFactory.getLogger(DemoExtras.class).info("demo publication: pictures, logo, menus and comments added");
    }

    private static void logo(SettingsService settings, ImageService images) {
        byte[] png = Illustrations.logo(settings.current().siteName(), Color.decode(settings.current().design().accent()));
        Image logo = images.upload(png, "logo.png", null);
        var pixels = Icons.read(png);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("design.logo", logo.name());
        values.put("design.logo_width", String.valueOf(logo.width()));
        values.put("design.logo_height", String.valueOf(logo.height()));
        values.put("design.icon", images.upload(Icons.favicon(pixels), "favicon.png", null).name());
        values.put("design.touch_icon", images.upload(Icons.touchIcon(pixels), "apple-touch-icon.png", null).name());
        settings.update(values);
    }

    private static void menus(ChangeLog changes, MenuStore menus, List<Article> all, ZoneId zone) {
        List<MenuService.ImportedEntry> primary = new ArrayList<>();
        for (MenuStore.Target c : menus.categoriesWithArticles(Instant.now())) {
            primary.add(new MenuService.ImportedEntry(MenuItem.CATEGORY, c.slug(), c.name(), List.of()));
        }
        int year = all.isEmpty() ? 2026 : all.get(0).publishedAt().atZone(zone).getYear();
        List<MenuService.ImportedEntry> footer = List.of(
                new MenuService.ImportedEntry(MenuItem.LINK, "/" + year + "/", "Archivio " + year, List.of()),
                new MenuService.ImportedEntry(MenuItem.LINK, "/feed/", "RSS", List.of()),
                new MenuService.ImportedEntry(MenuItem.LINK, "/privacy/", "Privacy", List.of()));
        changes.write((h, touched) -> {
            MenuService.replace(h, touched, Menu.PRIMARY, primary);
            MenuService.replace(h, touched, Menu.FOOTER, footer);
            return null;
        });
    }

    /** A short thread under the two newest articles with comments open: readers, and the newsroom answering. */
    private static void comments(ChangeLog changes, List<Article> all) {
        List<Article> open = all.stream().filter(Article::commentsOpen).limit(2).toList();
        if (open.isEmpty()) return;
        String[][] readers = {
                {"Carla Menegatti", "Finalmente qualcuno che ne parla. Abito in frazione e la questione ci riguarda tutti i giorni."},
                {"Roberto Zanin", "Articolo chiaro, grazie. Mi piacerebbe sapere quanto è costato in tutto e chi ha pagato."},
                {"Elisa Bortot", "Ci sarò anch'io all'incontro di giovedì: speriamo di essere in tanti."}};
        changes.write((h, touched) -> {
            Instant at = open.get(0).publishedAt().plus(3, ChronoUnit.HOURS);
            long first = insert(h, open.get(0).id(), null, readers[0][0], readers[0][1], at);
            insert(h, open.get(0).id(), null, readers[1][0], readers[1][1], at.plus(40, ChronoUnit.MINUTES));
            long reply = insert(h, open.get(0).id(), first, "Redazione del Tessitore",
                    "Grazie Carla: seguiremo la vicenda nelle prossime settimane, scriveteci se avete notizie dalla vostra frazione.",
                    at.plus(2, ChronoUnit.HOURS));
            CommentStore.markStaff(h, reply);
            Article second = open.size() > 1 ? open.get(1) : open.get(0);
            insert(h, second.id(), null, readers[2][0], readers[2][1], second.publishedAt().plus(5, ChronoUnit.HOURS));
            touched.add("sidebar:comments");
            touched.add("lists");
            for (Article a : open) touched.add("comments:" + a.id());
            return null;
        });
    }

    private static long insert(org.jdbi.v3.core.Handle h, long articleId, Long parent, String name, String text, Instant at) {
        String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]+", ".") + "@example.org";
        return CommentStore.insert(h, new NewComment(articleId, parent, CommentStatus.APPROVED, name, email, "", text,
                CommentText.toSafeHtml(text), "", ""), at);
    }
}
