package it.testata.article;

/** A category or tag with how many articles (in any status) carry it. */
public record TermCount(Term term, int articles) {
}
