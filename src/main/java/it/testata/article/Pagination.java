package it.testata.article;

/** Page links for a list whose first page lives at basePath and the others at basePath + "page/N/". */
public record Pagination(String basePath, int page, int pages) {
    public boolean hasNewer() {
        return page > 1;
    }

    public boolean hasOlder() {
        return page < pages;
    }

    public String newer() {
        return href(page - 1);
    }

    public String older() {
        return href(page + 1);
    }

    public String href(int n) {
        return n <= 1 ? basePath : basePath + "page/" + n + "/";
    }
}
