package it.testata.media;

import it.testata.admin.AdminFrame;

import java.util.List;
import java.util.Map;

/**
 * What admin/media/image.jte receives: one image, its texts as typed (alt, caption, credit), the errors by field
 * (in the reader's language), where it is used, a notice, and whether this user may delete it.
 */
public record ImagePage(AdminFrame frame, Image image, String alt, String caption, String credit,
                        Map<String, String> errors, List<ImageStore.Use> uses, String notice, boolean mayDelete) {

    public String error(String field) {
        return errors.get(field);
    }
}
