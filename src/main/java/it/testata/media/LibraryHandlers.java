package it.testata.media;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import it.testata.account.Access;
import it.testata.account.Role;
import it.testata.admin.AdminFrame;
import it.testata.admin.AdminFrames;
import it.testata.web.NotFound;
import it.testata.web.Renderer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The media library, /admin/media: a page of thumbnails with a form that uploads many images at once (a plain
 * multiple file field), and each image's page (/admin/media/{id}) with its alt text, caption and credit, the
 * Markdown that shows it in an article, where it is used, and deletion when it is unused.
 */
public final class LibraryHandlers {
    static final int PER_PAGE = 24;

    private final LibraryService library;
    private final MediaHandlers media;
    private final AdminFrames frames;
    private final Renderer renderer;

    public LibraryHandlers(LibraryService library, MediaHandlers media, AdminFrames frames, Renderer renderer) {
        this.library = library;
        this.media = media;
        this.frames = frames;
        this.renderer = renderer;
    }

    /** GET /admin/media?page=&done=&n= */
    public void list(Context ctx) {
        String notice = null;
        AdminFrame frame = frames.frame(ctx, "media.library.title", "media");
        String n = ctx.queryParam("n");
        if ("uploaded".equals(ctx.queryParam("done"))) notice = frame.msg().t("media.notice.uploaded", count(n));
        if ("deleted".equals(ctx.queryParam("done"))) notice = frame.msg().t("media.notice.deleted");
        listPage(ctx, 200, notice, List.of());
    }

    /** POST /admin/media (multipart, any number of fields {@code files}): stores each, then back to the list. */
    public void upload(Context ctx) throws Exception {
        List<UploadedFile> files = ctx.uploadedFiles("files").stream()
                .filter(f -> f.size() > 0 && f.filename() != null && !f.filename().isBlank()).toList();
        AdminFrame frame = frames.frame(ctx, "media.library.title", "media");
        List<String> refused = new ArrayList<>();
        int stored = 0;
        for (UploadedFile f : files) {
            try {
                media.upload(f, Access.principal(ctx).user().id());
                stored++;
            } catch (ImageService.Refused e) {
                refused.add(frame.msg().t("media.refusedFile", f.filename(), frame.msg().t(e.key())));
            }
        }
        if (files.isEmpty()) refused.add(frame.msg().t("media.error.none"));
        if (!refused.isEmpty()) {
            listPage(ctx, 422, stored > 0 ? frame.msg().t("media.notice.uploaded", stored) : null, refused);
            return;
        }
        ctx.redirect("/admin/media?done=uploaded&n=" + stored, HttpStatus.SEE_OTHER);
    }

    /** GET /admin/media/{id} */
    public void image(Context ctx) {
        Image img = found(ctx);
        String notice = "saved".equals(ctx.queryParam("done")) ? frames.messages().t("media.notice.saved") : null;
        imagePage(ctx, 200, img, img.alt(), img.caption(), img.credit(), Map.of(), notice);
    }

    /** POST /admin/media/{id}: saves alt text, caption and credit (422 with the typed values when refused). */
    public void describe(Context ctx) {
        Image img = found(ctx);
        String alt = field(ctx, "alt");
        String caption = field(ctx, "caption");
        String credit = field(ctx, "credit");
        try {
            library.describe(img.id(), alt, caption, credit);
        } catch (LibraryService.Invalid e) {
            imagePage(ctx, 422, img, alt, caption, credit, Map.of(e.field, frames.messages().t(e.key)), null);
            return;
        }
        ctx.redirect("/admin/media/" + img.id() + "?done=saved", HttpStatus.SEE_OTHER);
    }

    /** POST /admin/media/{id}/delete (editors and admins): 409 with the uses when articles still show it. */
    public void delete(Context ctx) {
        Image img = found(ctx);
        try {
            library.delete(img);
        } catch (LibraryService.InUse e) {
            imagePage(ctx, 409, img, img.alt(), img.caption(), img.credit(),
                    Map.of("delete", frames.messages().t("media.error.inUse", e.uses.size())), null);
            return;
        }
        ctx.redirect("/admin/media?done=deleted", HttpStatus.SEE_OTHER);
    }

    private void listPage(Context ctx, int status, String notice, List<String> refused) {
        AdminFrame frame = frames.frame(ctx, "media.library.title", "media");
        int total = library.count();
        int pages = Math.max(1, (total + PER_PAGE - 1) / PER_PAGE);
        int page = Math.min(pages, Math.max(1, count(ctx.queryParam("page"))));
        renderer.privatePage(ctx, status, "admin/media/list.jte",
                new LibraryPage(frame, library.page(page, PER_PAGE), page, pages, total, notice, refused));
    }

    private void imagePage(Context ctx, int status, Image img, String alt, String caption, String credit,
                           Map<String, String> errors, String notice) {
        AdminFrame frame = frames.frame(ctx, "media.image.title", "media");
        Role role = Access.principal(ctx).role();
        renderer.privatePage(ctx, status, "admin/media/image.jte", new ImagePage(frame, img, alt, caption, credit,
                errors, library.uses(img), notice, role == Role.ADMIN || role == Role.EDITOR));
    }

    private Image found(Context ctx) {
        try {
            return library.image(Long.parseLong(ctx.pathParam("id"))).orElseThrow(NotFound::new);
        } catch (NumberFormatException e) {
            throw new NotFound();
        }
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        return v == null ? "" : v.replace("\r\n", "\n");
    }

    private static int count(String s) {
        try {
            return s == null ? 1 : Math.max(1, Integer.parseInt(s.strip()));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
