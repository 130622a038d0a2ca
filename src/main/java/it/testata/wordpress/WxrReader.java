package it.testata.wordpress;

import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a WordPress export (WXR 1.0 to 1.2) with a streaming parser: each author, term and item (with its
 * comments) is handed to the sink as soon as it has been read, so memory stays bounded whatever the size of
 * the file. No DTD and no external entity is ever read. A file that is not well-formed XML, or not a WXR
 * file, stops the reading with {@link Malformed}, which tells the line and column.
 */
public final class WxrReader {
    private static final String WP = "http://wordpress.org/export/";
    private static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    private static final String DC = "http://purl.org/dc/elements/1.1/";

    /** Receives what the file holds, in file order. */
    public interface Sink {
        void channel(Wxr.Channel channel);

        void author(Wxr.Author author);

        void term(Wxr.Term term);

        void item(Wxr.Item item);
    }

    /** The file cannot be read as a WordPress export; line and column say where. */
    public static final class Malformed extends RuntimeException {
        public final int line;
        public final int column;

        public Malformed(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final XMLStreamReader xml;
    private final Sink sink;

    private WxrReader(XMLStreamReader xml, Sink sink) {
        this.xml = xml;
        this.sink = sink;
    }

    /** Reads the whole export from the stream, handing everything to the sink. */
    public static void read(InputStream in, Sink sink) {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        XMLStreamReader xml = null;
        try {
            xml = f.createXMLStreamReader(in);
            new WxrReader(xml, sink).document();
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "not well-formed XML" : e.getMessage();
            // the JDK's parser puts "ParseError at [row,col]:[l,c]\nMessage: ..." in front of the reason
            int m = message.indexOf("Message: ");
            if (m >= 0) message = message.substring(m + "Message: ".length());
            throw new Malformed(message.strip(), at == null ? 0 : at.getLineNumber(), at == null ? 0 : at.getColumnNumber());
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed tells nothing more
                }
            }
        }
    }

    private void document() throws XMLStreamException {
        xml.nextTag();
        if (!"rss".equals(xml.getLocalName())) throw malformed("the file is not a WordPress export: its root is <" + xml.getLocalName() + ">, not <rss>");
        boolean channel = false;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            if ("channel".equals(xml.getLocalName())) {
                channel();
                channel = true;
            } else {
                skip();
            }
        }
        if (!channel) throw malformed("the file is not a WordPress export: it has no <channel>");
        while (xml.hasNext()) xml.next(); // reads to the end, so trailing garbage is found too
    }

    private void channel() throws XMLStreamException {
        Map<String, String> fields = new HashMap<>();
        boolean told = false;
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            switch (key) {
                case "wp:author", "wp:category", "wp:tag", "wp:term", "item" -> {
                    if (!told) {
                        tellChannel(fields);
                        told = true;
                    }
                    switch (key) {
                        case "wp:author" -> author();
                        case "item" -> item();
                        default -> term(key);
                    }
                }
                case "title", "link", "description", "language", "wp:base_site_url", "wp:wxr_version" ->
                        fields.put(key, text());
                default -> skip();
            }
        }
        if (!told) tellChannel(fields);
    }

    private void tellChannel(Map<String, String> f) {
        if (!f.containsKey("wp:wxr_version") && !f.containsKey("wp:base_site_url")) {
            throw malformed("the file is not a WordPress export: the channel has no wp:wxr_version");
        }
        sink.channel(new Wxr.Channel(f.getOrDefault("title", ""), f.getOrDefault("link", ""),
                f.getOrDefault("description", ""), f.getOrDefault("language", ""),
                f.getOrDefault("wp:base_site_url", f.getOrDefault("link", "")), f.getOrDefault("wp:wxr_version", "")));
    }

    private void author() throws XMLStreamException {
        Map<String, String> f = fields();
        String login = f.getOrDefault("wp:author_login", "").strip();
        if (login.isEmpty()) throw malformed("an author has no wp:author_login");
        String display = f.getOrDefault("wp:author_display_name", "").strip();
        sink.author(new Wxr.Author(login, f.getOrDefault("wp:author_email", "").strip(), display.isEmpty() ? login : display));
    }

    private void term(String key) throws XMLStreamException {
        Map<String, String> f = fields();
        Wxr.Term t = switch (key) {
            case "wp:category" -> new Wxr.Term("category", f.getOrDefault("wp:category_nicename", ""),
                    f.getOrDefault("wp:cat_name", ""), f.getOrDefault("wp:category_parent", ""),
                    f.getOrDefault("wp:category_description", ""), optionalNumber(f.get("wp:term_id")));
            case "wp:tag" -> new Wxr.Term("post_tag", f.getOrDefault("wp:tag_slug", ""),
                    f.getOrDefault("wp:tag_name", ""), "", f.getOrDefault("wp:tag_description", ""), optionalNumber(f.get("wp:term_id")));
            default -> new Wxr.Term(f.getOrDefault("wp:term_taxonomy", ""), f.getOrDefault("wp:term_slug", ""),
                    f.getOrDefault("wp:term_name", ""), f.getOrDefault("wp:term_parent", ""),
                    f.getOrDefault("wp:term_description", ""), optionalNumber(f.get("wp:term_id")));
        };
        if (t.slug().isBlank()) throw malformed("a " + key + " has no slug");
        sink.term(t);
    }

    private void item() throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> f = new HashMap<>();
        List<Wxr.ItemTerm> terms = new ArrayList<>();
        List<Wxr.Comment> comments = new ArrayList<>();
        Map<String, String> menuMeta = new HashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            switch (key) {
                case "category" -> {
                    String domain = attribute("domain");
                    String nicename = attribute("nicename");
                    String name = text();
                    terms.add(new Wxr.ItemTerm(domain, nicename, name));
                }
                case "wp:comment" -> comments.add(comment());
                case "wp:postmeta" -> { // only a menu item's own meta is kept (--- pages: nav_menu_item ---)
                    Map<String, String> m = fields();
                    String metaKey = m.getOrDefault("wp:meta_key", "");
                    if (metaKey.startsWith("_menu_item_")) menuMeta.put(metaKey, m.getOrDefault("wp:meta_value", "").strip());
                }
                default -> f.put(key, text());
            }
        }
        long id = number(f.get("wp:post_id"), "wp:post_id", line);
        sink.item(new Wxr.Item(id, f.getOrDefault("title", ""), f.getOrDefault("link", ""),
                f.getOrDefault("dc:creator", "").strip(), f.getOrDefault("content:encoded", ""),
                f.getOrDefault("excerpt:encoded", ""), f.getOrDefault("wp:post_date", ""),
                f.getOrDefault("wp:post_date_gmt", ""), f.getOrDefault("wp:post_modified", ""),
                f.getOrDefault("wp:post_modified_gmt", ""), f.getOrDefault("wp:comment_status", "open").strip(),
                f.getOrDefault("wp:post_name", "").strip(), f.getOrDefault("wp:status", "").strip(),
                optionalNumber(f.get("wp:post_parent")), f.getOrDefault("wp:post_type", "post").strip(),
                List.copyOf(terms), List.copyOf(comments), line, f.getOrDefault("wp:post_password", ""),
                (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, optionalNumber(f.get("wp:menu_order")))),
                Map.copyOf(menuMeta)));
    }

    private Wxr.Comment comment() throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Map<String, String> f = fields();
        return new Wxr.Comment(number(f.get("wp:comment_id"), "wp:comment_id", line),
                f.getOrDefault("wp:comment_author", ""), f.getOrDefault("wp:comment_author_email", "").strip(),
                f.getOrDefault("wp:comment_author_url", "").strip(), f.getOrDefault("wp:comment_author_IP", "").strip(),
                f.getOrDefault("wp:comment_date", ""), f.getOrDefault("wp:comment_date_gmt", ""),
                f.getOrDefault("wp:comment_content", ""), f.getOrDefault("wp:comment_approved", "1").strip(),
                f.getOrDefault("wp:comment_type", "").strip(), optionalNumber(f.get("wp:comment_parent")), line);
    }

    /** The text of each child element of the current one (elements with children of their own are skipped). */
    private Map<String, String> fields() throws XMLStreamException {
        Map<String, String> f = new HashMap<>();
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String key = key();
            if (key.equals("wp:commentmeta") || key.equals("wp:termmeta")) {
                skip();
            } else {
                f.put(key, text());
            }
        }
        return f;
    }

    /** The element's name with a fixed prefix for the namespaces WXR uses, whatever prefix the file chose. */
    private String key() {
        String ns = xml.getNamespaceURI();
        String local = xml.getLocalName();
        if (ns == null || ns.isEmpty()) return local;
        if (ns.startsWith(WP) && ns.endsWith("/excerpt/")) return "excerpt:" + local;
        if (ns.startsWith(WP)) return "wp:" + local;
        if (ns.equals(CONTENT)) return "content:" + local;
        if (ns.equals(DC)) return "dc:" + local;
        return ns + ":" + local;
    }

    /** The element's text; an element with children is skipped and counts as empty. */
    private String text() throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                     XMLStreamConstants.ENTITY_REFERENCE -> {
                    if (depth == 1) sb.append(xml.getText());
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.END_DOCUMENT -> throw malformed("the file ends inside an element");
                default -> {
                    // comments and processing instructions carry no text
                }
            }
        }
        return it.testata.text.CleanText.text(sb.toString());
    }

    private void skip() throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) depth++;
            else if (event == XMLStreamConstants.END_ELEMENT) depth--;
            else if (event == XMLStreamConstants.END_DOCUMENT) throw malformed("the file ends inside an element");
        }
    }

    private String attribute(String name) {
        String v = xml.getAttributeValue(null, name);
        return v == null ? "" : v;
    }

    private long number(String text, String what, int line) {
        try {
            return Long.parseLong(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new Malformed(what + " is not a number: '" + (text == null ? "" : text.strip()) + "'", line, 0);
        }
    }

    private static long optionalNumber(String text) {
        if (text == null || text.isBlank()) return 0;
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Malformed malformed(String message) {
        Location at = xml.getLocation();
        return new Malformed(message, at.getLineNumber(), at.getColumnNumber());
    }
}
