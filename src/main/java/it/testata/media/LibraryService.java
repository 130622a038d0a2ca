package it.testata.media;

import it.testata.db.ChangeLog;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The media library's rules: describing an image (alt text, caption, credit), where it is used, and deleting it
 * only when nothing uses it. A deletion is announced through the change log (tag {@code media:NAME}) so every
 * server drops its cached files of it.
 */
public final class LibraryService {
    public static final int MAX_ALT = 300;
    public static final int MAX_CAPTION = 500;
    public static final int MAX_CREDIT = 200;
    private static final Pattern IN_BODY = Pattern.compile("/media/([0-9a-f]{24})(?:-\\d{2,4})?\\.(jpg|png)");
    private static final String TAG = "media:";

    private final ImageStore store;
    private final ImageService images;
    private final ChangeLog changes;

    public LibraryService(ImageStore store, ImageService images, ChangeLog changes) {
        this.store = store;
        this.images = images;
        this.changes = changes;
    }

    public List<Image> page(int page, int perPage) {
        return store.page(perPage, (Math.max(1, page) - 1) * perPage);
    }

    public int count() {
        return store.count();
    }

    public Optional<Image> image(long id) {
        return store.byId(id);
    }

    public List<ImageStore.Use> uses(Image img) {
        return store.uses(img);
    }

    /** Saves the texts of an image; a text too long is refused with the field and its message key. */
    public void describe(long id, String alt, String caption, String credit) {
        if (alt.length() > MAX_ALT) throw new Invalid("alt", "media.error.altLong");
        if (caption.length() > MAX_CAPTION) throw new Invalid("caption", "media.error.captionLong");
        if (credit.length() > MAX_CREDIT) throw new Invalid("credit", "media.error.creditLong");
        changes.write((h, touched) -> {
            ImageStore.describe(h, id, alt.strip(), caption.strip(), credit.strip());
            // pages showing the image take its new alt text: the articles that use it drop from the caches
            store.byId(id).ifPresent(img -> store.uses(img).forEach(u -> touched.add("article:" + u.articleId())));
            touched.add("lists");
            return null;
        });
    }

    /** Deletes an unused image (row, stored bytes and cached files); refused with {@link InUse} when used. */
    public void delete(Image img) {
        List<ImageStore.Use> uses = store.uses(img);
        if (!uses.isEmpty()) throw new InUse(uses);
        changes.write((h, touched) -> {
            ImageStore.delete(h, img);
            touched.add(TAG + img.name());
            return null;
        });
    }

    /** The change log's tags: a deleted image's cached files go on this server too. */
    public void onChange(Set<String> tags) {
        for (String t : tags) {
            if (t.startsWith(TAG)) {
                String name = t.substring(TAG.length());
                if (ImageService.validName(name)) images.uncache(new Image(0, name, 0, 0, 0, "", null, "", "", ""));
            }
        }
    }

    /**
     * The library's images that an article shows (its featured image, then those in its Markdown body, in order),
     * so that the editor can warn about those without alt text.
     */
    public List<Image> usedBy(String featured, String bodyMd) {
        Set<String> hashes = new LinkedHashSet<>();
        if (featured != null && !featured.isBlank()) hashes.add(featured);
        Matcher m = IN_BODY.matcher(bodyMd == null ? "" : bodyMd);
        while (m.find()) hashes.add(m.group(1) + "." + m.group(2));
        return store.byNames(List.copyOf(hashes));
    }

    /** A field refused, with its message key. */
    public static final class Invalid extends RuntimeException {
        public final String field;
        public final String key;

        Invalid(String field, String key) {
            super(key, null, false, false);
            this.field = field;
            this.key = key;
        }
    }

    /** Deleting an image that articles still use. */
    public static final class InUse extends RuntimeException {
        public final List<ImageStore.Use> uses;

        InUse(List<ImageStore.Use> uses) {
            super("in use", null, false, false);
            this.uses = uses;
        }
    }
}
