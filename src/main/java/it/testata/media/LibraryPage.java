package it.testata.media;

import it.testata.admin.AdminFrame;

import java.util.List;

/**
 * What admin/media/list.jte receives: a page of the library (newest first), the page counts, a notice after an
 * upload or a deletion, and the uploads refused (each "file name: reason", already in the reader's language).
 */
public record LibraryPage(AdminFrame frame, List<Image> images, int page, int pages, int total, String notice,
                          List<String> refused) {}
