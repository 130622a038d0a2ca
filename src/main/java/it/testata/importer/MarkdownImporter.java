package it.testata.importer;

import it.testata.article.ArticleDraft;
import it.testata.article.ArticleService;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Imports a folder of Markdown files with front matter. Each file is its own transaction: a bad file is
 * reported with its name and reason and the others still import. Articles are matched by slug, so running
 * it again updates them instead of adding copies.
 */
public final class MarkdownImporter {
    public record Failure(Path file, String reason) {}

    public record Result(int imported, List<Failure> failures) {}

    private final ArticleService articles;

    public MarkdownImporter(ArticleService articles) {
        this.articles = articles;
    }

    public Result importDir(Path dir, ZoneId zone) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase().endsWith(".md"))
                    .sorted().toList();
        }
        int imported = 0;
        List<Failure> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
                ArticleDraft draft = FrontMatter.parse(text, zone);
                articles.save(draft, null);
                imported++;
            } catch (FrontMatter.BadFile e) {
                failures.add(new Failure(file, e.getMessage()));
            } catch (CharacterCodingException e) {
                failures.add(new Failure(file, "the file is not UTF-8 text"));
            } catch (IOException e) {
                failures.add(new Failure(file, "cannot read it: " + e.getMessage()));
            }
        }
        return new Result(imported, failures);
    }
}
