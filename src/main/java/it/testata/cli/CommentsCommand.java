package it.testata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import it.testata.Site;
import it.testata.comment.CommentRecord;
import it.testata.comment.CommentService;
import it.testata.comment.CommentStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Comments from the command line: list them, and approve, spam, trash or delete them. */
@Command(name = "comments", mixinStandardHelpOptions = true,
        description = "Lists and moderates reader comments. Changes show on running servers within a second.",
        subcommands = {CommentsCommand.ListComments.class, CommentsCommand.Approve.class, CommentsCommand.Spam.class,
                CommentsCommand.Trash.class, CommentsCommand.Delete.class})
public final class CommentsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists comments, newest first.")
    static final class ListComments implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Option(names = "--status", paramLabel = "STATUS", description = "pending, approved, spam or trash")
        String status;

        @Option(names = "--article", paramLabel = "SLUG", description = "only this article's comments")
        String article;

        @Option(names = "--json", description = "a JSON array instead of lines of text")
        boolean json;

        @Override
        public Integer call() throws Exception {
            CommentStatus wanted = null;
            if (status != null) {
                try {
                    wanted = CommentStatus.parse(status);
                } catch (IllegalArgumentException e) {
                    System.err.println("testata: --status must be pending, approved, spam or trash");
                    return 2;
                }
            }
            try (Site s = Site.open(site.config(null))) {
                ZoneId zone = s.settings.current().zone();
                List<CommentRecord> list = s.commentService.list(wanted, article);
                if (json) {
                    List<Map<String, Object>> out = new ArrayList<>();
                    for (CommentRecord c : list) out.add(toJson(c, zone));
                    System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
                } else {
                    for (CommentRecord c : list) {
                        String text = c.bodyRaw().replaceAll("\\s+", " ");
                        System.out.printf("%d\t%s\t%s\t%s <%s>\t%s%n", c.id(), c.status().db(), path(c, zone),
                                c.authorName(), c.authorEmail(), text.length() > 60 ? text.substring(0, 60) + "…" : text);
                    }
                }
            }
            return 0;
        }

        static Map<String, Object> toJson(CommentRecord c, ZoneId zone) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("status", c.status().db());
            m.put("article", path(c, zone));
            m.put("parent", c.parentId());
            m.put("author", c.authorName());
            m.put("email", c.authorEmail());
            m.put("url", c.authorUrl());
            m.put("created_at", c.createdAt().atZone(zone).toOffsetDateTime().toString());
            m.put("text", c.bodyRaw());
            m.put("network", c.ipNet());
            m.put("verdict", c.verdict());
            m.put("score", c.score());
            m.put("reasons", c.reasons());
            m.put("learned", c.learned());
            return m;
        }

        static String path(CommentRecord c, ZoneId zone) {
            return c.articlePublishedAt() == null ? "/" + c.articleSlug() + "/"
                    : it.testata.article.Article.path(c.articleSlug(), c.articlePublishedAt(), zone);
        }
    }

    abstract static class Moderate implements Callable<Integer> {
        @Mixin
        SiteOptions site;

        @Parameters(paramLabel = "ID", arity = "1..*", description = "comment ids")
        List<Long> ids;

        abstract CommentService.Action action();

        @Override
        public Integer call() {
            int missing = 0;
            try (Site s = Site.open(site.config(null))) {
                for (long id : ids) {
                    if (s.commentService.moderate(id, action())) {
                        System.out.println(action().name().toLowerCase() + " " + id);
                        s.audit.cli("comments." + action().name().toLowerCase(), "id=" + id, ""); // --- staff ---
                    } else {
                        System.err.println("testata: no comment " + id);
                        missing++;
                    }
                }
            }
            return missing == 0 ? 0 : 2;
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "Approves comments: they appear on the site.")
    static final class Approve extends Moderate {
        CommentService.Action action() {
            return CommentService.Action.APPROVE;
        }
    }

    @Command(name = "spam", mixinStandardHelpOptions = true, description = "Marks comments as spam.")
    static final class Spam extends Moderate {
        CommentService.Action action() {
            return CommentService.Action.SPAM;
        }
    }

    @Command(name = "trash", mixinStandardHelpOptions = true, description = "Moves comments to the trash.")
    static final class Trash extends Moderate {
        CommentService.Action action() {
            return CommentService.Action.TRASH;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Deletes comments for good.")
    static final class Delete extends Moderate {
        CommentService.Action action() {
            return CommentService.Action.DELETE;
        }
    }
}
