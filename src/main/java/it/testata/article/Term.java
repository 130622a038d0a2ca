package it.testata.article;

/** A category or a tag: both have a name and a slug, and an archive at /{kind}/{slug}/. */
public record Term(long id, String name, String slug, String kind) {
    public String path() {
        return "/" + kind + "/" + slug + "/";
    }
}
