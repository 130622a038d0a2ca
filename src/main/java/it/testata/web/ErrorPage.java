package it.testata.web;

/** What error/error.jte receives. */
public record ErrorPage(Layout layout, int status, String heading, String message) {
}
