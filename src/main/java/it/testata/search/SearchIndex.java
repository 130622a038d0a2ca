package it.testata.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.CustomSeparatorBreakIterator;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.util.Bits;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Lucene index of public articles in one folder: Italian analysis (elision, light stemming, stop words)
 * for an Italian site, English for an English one. A match in the title counts {@value #TITLE_BOOST} times one
 * in the text. The index records its language and layout version; an index of another language or version,
 * or one that cannot be read, is started anew ({@link #fresh()} says so, and the caller fills it).
 */
final class SearchIndex implements Closeable {
    /** Changes when what is indexed changes: an older index is rebuilt. */
    static final String VERSION = "2"; // 2: offsets in the postings, for the highlighter
    static final float TITLE_BOOST = 8f;
    /** The indexing buffer, in MB (Lucene's default is 16). */
    static final double RAM_BUFFER_MB = Double.parseDouble(System.getProperty("testata.search.buffer_mb", "6"));
    private static final String ID = "id", SLUG = "slug", TITLE = "title", TEXT = "text", PUBLISHED = "published",
            UPDATED = "updated";
    /** The stored fields a result shows. */
    private static final Set<String> SHOWN = Set.of(ID, SLUG, TITLE, PUBLISHED);

    /**
     * Lucene says on standard error, through java.util.logging, that it runs without the incubating vector
     * module; that is expected here, so only its errors are shown. (Held here: the logging keeps loggers weakly.)
     */
    private static final java.util.logging.Logger VECTOR_NOTICE = quiet("org.apache.lucene.internal.vectorization");

    private final Directory dir;
    private final Analyzer analyzer;
    private final String language;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean fresh;

    private SearchIndex(Directory dir, Analyzer analyzer, String language, IndexWriter writer, boolean fresh) throws IOException {
        this.dir = dir;
        this.analyzer = analyzer;
        this.language = language;
        this.writer = writer;
        this.fresh = fresh;
        this.searchers = new SearcherManager(writer, null);
    }

    /**
     * Opens (or creates) the index in this folder for this language ("it" or "en").
     *
     * @throws org.apache.lucene.store.LockObtainFailedException when another process writes this index
     */
    static SearchIndex open(Path folder, String language) throws IOException {
        Files.createDirectories(folder);
        Directory dir = FSDirectory.open(folder);
        boolean fresh;
        // holding the lock while looking: a broken index is only cleared by the one process that will write it
        try (Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            fresh = !usable(dir, language);
            if (fresh) clear(folder);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        Analyzer analyzer = analyzer(language);
        // a smaller buffer than Lucene's 16 MB: a full build at start then flushes more often, and the server's
        // resident memory does not peak at the start (bench/memory.sh) for a build that is no slower to serve
        IndexWriterConfig cfg = new IndexWriterConfig(analyzer)
                .setOpenMode(fresh ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB);
        IndexWriter writer;
        try {
            writer = new IndexWriter(dir, cfg);
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
        writer.setLiveCommitData(Map.of("language", language, "version", VERSION).entrySet());
        if (fresh) writer.commit();
        return new SearchIndex(dir, analyzer, language, writer, fresh);
    }

    /** True when the folder holds a readable index of this language and version. */
    private static boolean usable(Directory dir, String language) {
        try {
            if (!DirectoryReader.indexExists(dir)) return false;
            Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
            if (!language.equals(data.get("language")) || !VERSION.equals(data.get("version"))) return false;
            try (DirectoryReader reader = DirectoryReader.open(dir)) {
                // reading every stored document checks each segment's files as far as a search would
                for (LeafReaderContext leaf : reader.leaves()) {
                    StoredFields fields = leaf.reader().storedFields();
                    for (int i = 0; i < leaf.reader().maxDoc(); i++) fields.document(i);
                }
            }
            return true;
        } catch (IOException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SearchIndex.class).warn("the search index in {} cannot be read ({}): it is rebuilt",
                    dir, e.toString());
            return false;
        }
    }

    /** Removes what a broken index left, except the lock file (whoever holds it keeps it). */
    private static void clear(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (!f.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)) Files.deleteIfExists(f);
            }
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    static Analyzer analyzer(String language) {
        return "en".equals(language) ? new EnglishAnalyzer() : new ItalianAnalyzer();
    }

    String language() {
        return language;
    }

    /** True when the index was created empty at opening (missing, unreadable, or of another language or version). */
    boolean fresh() {
        return fresh;
    }

    /**
     * Title and text: analyzed, stored, with the words' character offsets in the postings, so that the
     * highlighter reads where the words are instead of analyzing every hit's text again per search.
     */
    private static final org.apache.lucene.document.FieldType WITH_OFFSETS = withOffsets();

    private static org.apache.lucene.document.FieldType withOffsets() {
        org.apache.lucene.document.FieldType t = new org.apache.lucene.document.FieldType(TextField.TYPE_STORED);
        t.setIndexOptions(org.apache.lucene.index.IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    void put(IndexedArticle a) throws IOException {
        Document d = new Document();
        d.add(new StringField(ID, Long.toString(a.id()), Field.Store.YES));
        d.add(new StoredField(SLUG, a.slug()));
        d.add(new Field(TITLE, a.title(), WITH_OFFSETS));
        d.add(new Field(TEXT, a.text(), WITH_OFFSETS));
        d.add(new StoredField(PUBLISHED, a.published().toEpochMilli()));
        d.add(new StoredField(UPDATED, a.updated().toEpochMilli()));
        writer.updateDocument(new Term(ID, Long.toString(a.id())), d);
    }

    void delete(long id) throws IOException {
        writer.deleteDocuments(new Term(ID, Long.toString(id)));
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes what was written durable and visible to searches. */
    void commit() throws IOException {
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** Each indexed article's id and the last-edit time it was indexed with. */
    Map<Long, Instant> stamps() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            Map<Long, Instant> out = new HashMap<>();
            for (LeafReaderContext leaf : s.getIndexReader().leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                StoredFields fields = leaf.reader().storedFields();
                for (int i = 0; i < leaf.reader().maxDoc(); i++) {
                    if (live != null && !live.get(i)) continue;
                    Document d = fields.document(i, Set.of(ID, UPDATED));
                    out.put(Long.parseLong(d.get(ID)), Instant.ofEpochMilli(d.getField(UPDATED).numericValue().longValue()));
                }
            }
            return out;
        } finally {
            searchers.release(s);
        }
    }

    /** One page of results for what a reader typed, best first; every word must match, in the title or the text. */
    Results search(String typed, int page, int size) throws IOException {
        List<String> terms = terms(typed);
        if (terms.isEmpty()) return new Results(List.of(), 0, false);
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String t : terms) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(TITLE, t)), TITLE_BOOST), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(TEXT, t)), BooleanClause.Occur.SHOULD)
                    .build(), BooleanClause.Occur.MUST);
        }
        Query query = all.build();
        IndexSearcher s = searchers.acquire();
        try {
            // one pass that counts exactly up to COUNTED hits (past them, skipping the ones that cannot make
            // the page): a common word on a big site is "more than 1,000", not a second walk over every match
            int from = (page - 1) * size;
            TopDocs top = s.search(query, new TopScoreDocCollectorManager(from + size, Math.max(COUNTED, from + size)));
            boolean more = top.totalHits.relation() == TotalHits.Relation.GREATER_THAN_OR_EQUAL_TO;
            // at least value hits: more than value - 1
            int total = (int) Math.min(Integer.MAX_VALUE, top.totalHits.value() - (more ? 1 : 0));
            if (from >= top.scoreDocs.length) return new Results(List.of(), total, more);
            ScoreDoc[] slice = Arrays.copyOfRange(top.scoreDocs, Math.min(from, top.scoreDocs.length), top.scoreDocs.length);
            TopDocs pageDocs = new TopDocs(top.totalHits, slice);
            // both fields in one pass: each hit's stored document is read (and decompressed) once for the two
            Map<String, String[]> marked = highlighter(s).highlightFields(new String[] {TITLE, TEXT}, query, pageDocs,
                    new int[] {1, 2});
            String[] titles = marked.get(TITLE), snippets = marked.get(TEXT);
            StoredFields fields = s.storedFields();
            List<SearchHit> hits = new java.util.ArrayList<>();
            for (int i = 0; i < slice.length; i++) {
                Document d = fields.document(slice[i].doc, SHOWN); // not the text, which the snippet has read
                hits.add(new SearchHit(Long.parseLong(d.get(ID)), d.get(SLUG),
                        titles[i] != null ? titles[i] : escape(d.get(TITLE)),
                        snippets[i] != null ? snippets[i] : "",
                        Instant.ofEpochMilli(d.getField(PUBLISHED).numericValue().longValue())));
            }
            return new Results(hits, total, more);
        } finally {
            searchers.release(s);
        }
    }

    /** One page of hits; total is exact, or (more) a lower bound once past {@link #COUNTED} hits. */
    record Results(List<SearchHit> hits, int total, boolean more) {}

    /** Hits counted exactly; beyond, a search says "more than". */
    static final int COUNTED = 1000;

    /**
     * The title whole; the text in passages that end at a full stop, about 220 characters long. (The JDK's
     * sentence rules, asked where the sentence around each match begins, re-read the text from its start each
     * time and took most of a search on a big site, for snippets that differ little.)
     */
    private UnifiedHighlighter highlighter(IndexSearcher s) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(s, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxNoHighlightPassages(1);
        return new UnifiedHighlighter(builder) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return TITLE.equals(field) ? new WholeBreakIterator()
                        : LengthGoalBreakIterator.createClosestToLength(new CustomSeparatorBreakIterator('.'), 220, 0.5f);
            }
        };
    }

    /** The words the analyzer makes of what was typed (stop words dropped, elided articles removed, stems). */
    List<String> terms(String typed) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, typed)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        }
        return List.copyOf(out);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            dir.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
