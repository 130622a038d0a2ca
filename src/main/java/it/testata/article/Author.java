package it.testata.article;

public record Author(long id, String name, String slug, String bio) {
    public String path() {
        return "/author/" + slug + "/";
    }
}
