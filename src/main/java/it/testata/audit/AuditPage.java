package it.testata.audit;

import it.testata.admin.AdminFrame;

import java.util.List;

/**
 * What admin/audit.jte receives: the entries of this page, the filters as typed (actor, action, from, to: dates
 * yyyy-mm-dd in the site's zone), an error about a filter, the page number and whether there are more pages, and
 * the query string of the filters for the page links.
 */
public record AuditPage(AdminFrame frame, List<AuditEntry> entries, int total, String actor, String action, String from,
                        String to, String error, int page, boolean more, String filterQuery) {
}
