package it.testata.spam;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.InputStreamReader;
import java.util.ArrayList;
import java.util.List;

/** Reads a labelled corpus: a header line, then label TAB author TAB text, label spam or ham, UTF-8. */
public final class LabelledFile {
    private LabelledFile() {}

    /** A file that cannot be read as a corpus; the message names the file and the line. */
    public static final class BadFile extends Exception {
        public BadFile(String message) {
            super(message);
        }
    }

    public static List<Labelled> read(Path file) throws BadFile {
        List<Labelled> out = new ArrayList<>();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        int lineNo = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (lineNo == 1) {
                    String h = line.startsWith("\uFEFF") ? line.substring(1) : line;
                    if (!h.startsWith("label\t")) throw bad(file, lineNo, "the first line must be the header label<TAB>author<TAB>text");
                    continue;
                }
                if (line.isEmpty()) continue;
                String[] parts = line.split("\t", 3);
                if (parts.length < 3) throw bad(file, lineNo, "expected label<TAB>author<TAB>text");
                boolean spam = switch (parts[0].strip()) {
                    case "spam" -> true;
                    case "ham" -> false;
                    default -> throw bad(file, lineNo, "the label must be spam or ham, not \"" + parts[0] + "\"");
                };
                out.add(new Labelled(spam, parts[1], parts[2]));
            }
        } catch (NoSuchFileException e) {
            throw new BadFile(file + ": no such file");
        } catch (CharacterCodingException e) {
            throw bad(file, lineNo + 1, "not UTF-8");
        } catch (IOException e) {
            throw new BadFile(file + ": " + e.getMessage());
        }
        if (lineNo == 0) throw bad(file, 1, "empty file (no header line)");
        if (out.isEmpty()) throw bad(file, lineNo, "no labelled lines after the header");
        return out;
    }

    private static BadFile bad(Path file, int line, String what) {
        return new BadFile(file + ":" + line + ": " + what);
    }
}
