package it.testata.editor;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line comparison of two texts (java-diff-utils' Myers diff), as a unified list of lines. */
public final class TextDiff {
    private TextDiff() {}

    public enum Kind { SAME, REMOVED, ADDED }

    public record Line(Kind kind, String text) {
        public String css() {
            return "diff-" + kind.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static List<Line> lines(String older, String newer) {
        List<String> a = split(older);
        List<String> b = split(newer);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Line> out = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> d : patch.getDeltas()) {
            for (; at < d.getSource().getPosition(); at++) out.add(new Line(Kind.SAME, a.get(at)));
            for (String s : d.getSource().getLines()) out.add(new Line(Kind.REMOVED, s));
            for (String s : d.getTarget().getLines()) out.add(new Line(Kind.ADDED, s));
            at += d.getSource().size();
        }
        for (; at < a.size(); at++) out.add(new Line(Kind.SAME, a.get(at)));
        return out;
    }

    private static List<String> split(String text) {
        if (text == null || text.isEmpty()) return List.of();
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
