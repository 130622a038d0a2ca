package it.testata.search;

import java.time.Instant;

/** A public article as the search index keeps it: the text to search and what a result shows. */
public record IndexedArticle(long id, String slug, String title, String text, Instant published, Instant updated) {}
