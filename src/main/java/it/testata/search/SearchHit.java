package it.testata.search;

import java.time.Instant;

/** One search result: the title and a snippet as safe HTML (text escaped, matched words in mark elements). */
public record SearchHit(long id, String slug, String titleHtml, String snippetHtml, Instant published) {}
