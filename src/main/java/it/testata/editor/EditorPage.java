package it.testata.editor;

import it.testata.admin.AdminFrame;
import it.testata.article.Article;

import java.util.List;
import java.util.Map;

/**
 * What admin/articles/editor.jte receives: the form's values, the errors by field (already in the reader's
 * language), the article being edited (null for a new one), the categories to choose from, the preview when
 * one was asked for, and a notice (saved, restored) or null; extras are the newsroom's completions.
 */
public record EditorPage(AdminFrame frame, EditorForm form, Map<String, String> errors, Article article,
                         List<String> categories, Preview preview, String notice, String publicUrl, Extras extras,
                         Parent parent) {

    /**
     * A page's parent (--- pages ---): the chosen parent's id as typed ("" for none) and the pages it may choose,
     * in the tree's order; null when the form is an article's.
     */
    public record Parent(String selected, List<it.testata.page.PageTree.Entry> choices) {
        /** The choice's text: its title, indented by its level ("— La redazione"). */
        public String label(it.testata.page.PageTree.Entry e) {
            return "\u2014 ".repeat(e.level() - 1) + e.node().title();
        }
    }

    /**
     * The bylines to choose from (empty: the writer signs as themselves), where the article is in the trash
     * (null: it is not), a signed preview link (null unless a saved draft or scheduled article), whether this
     * user may delete it for good, the images it shows without alt text, and the library's latest images to insert.
     */
    public record Extras(List<String> bylines, String trashedAt, String previewUrl, boolean mayDelete,
                         List<it.testata.media.Image> missingAlt, List<it.testata.media.Image> library) {}

    /** The article as it would look: title, standfirst, sanitized body and image address (null for none). */
    public record Preview(String title, String standfirst, String bodyHtml, String imageUrl) {}

    public String action() {
        return article == null ? "/admin/articles/new" : "/admin/articles/" + article.id();
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** The aria-describedby value for a field: its hint and its error, as there are. */
    public String describedBy(String field, boolean hint) {
        String ids = (hint ? field + "-hint" : "") + (errors.containsKey(field) ? " " + field + "-error" : "");
        return ids.isBlank() ? null : ids.strip();
    }
}
