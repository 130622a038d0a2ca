package it.testata.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import it.testata.account.Access;
import it.testata.web.Messages;
import it.testata.web.NotFound;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Uploaded images: served to everyone at /media/, uploaded by staff (the editor's form, or a script). */
public final class MediaHandlers {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ImageService images;
    private final Supplier<Messages> messages;

    public MediaHandlers(ImageService images, Supplier<Messages> messages) {
        this.images = images;
        this.messages = messages;
    }

    /** GET /media/{file}: a year of caching, since a name never changes its content. */
    public void file(Context ctx) throws IOException {
        ImageService.Stored f = images.file(ctx.pathParam("file")).orElseThrow(NotFound::new);
        ctx.header("Cache-Control", "public, max-age=31536000, immutable");
        ctx.contentType(f.mediaType());
        ctx.header("Content-Length", String.valueOf(Files.size(f.path())));
        ctx.result(Files.newInputStream(f.path()));
    }

    /**
     * POST /admin/images (multipart, field {@code image}): 201 with the stored image as JSON (name, url, width,
     * height, variants); 400, 413 or 415 with {"message": ...} when the upload is refused.
     */
    public void upload(Context ctx) throws Exception {
        UploadedFile file = ctx.uploadedFile("image");
        if (file == null) {
            Access.json(ctx, 400, messages.get().t("media.error.empty"));
            return;
        }
        try {
            Image img = upload(file, Access.principal(ctx).user().id());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("name", img.name());
            out.put("url", img.url());
            out.put("width", img.width());
            out.put("height", img.height());
            Map<String, String> variants = new LinkedHashMap<>();
            variants.put("original", ImageService.url(img.name(), 0));
            for (int w : ImageService.WIDTHS) variants.put(String.valueOf(w), img.url(w));
            out.put("variants", variants);
            ctx.status(201).contentType("application/json").result(JSON.writeValueAsString(out));
        } catch (ImageService.Refused e) {
            int status = switch (e.key()) {
                case "media.error.tooBig", "media.error.pixels" -> 413;
                case "media.error.type", "media.error.unreadable" -> 415;
                default -> 400;
            };
            Access.json(ctx, status, messages.get().t(e.key()));
        }
    }

    /** Stores one uploaded file (the editor's form uses this too); {@link ImageService.Refused} when it is refused. */
    public Image upload(UploadedFile file, Long userId) throws IOException {
        if (file.size() > ImageService.MAX_BYTES) throw new ImageService.Refused("media.error.tooBig");
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) ImageService.MAX_BYTES + 1);
        }
        return images.upload(bytes, file.filename(), userId);
    }
}
