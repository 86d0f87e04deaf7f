package io.action4j.spatiotemporal.ava;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads AVA's pbtxt-like label map ({@code item { name: "..." id: N }}) the way MMAction2's
 * {@code read_labelmap} does: only lines starting with exactly two spaces and {@code name:},
 * {@code id:} or {@code label_id:} count, and each id line closes an entry with the last name seen.
 * Other indentation is silently ignored there, and so here, so both see the same classes. A
 * {@code label_type:} line (AVA's own maps) after an id gives that entry its category group.
 */
public final class AvaLabelMapReader {

    private AvaLabelMapReader() {
    }

    public static List<AvaLabel> read(Path file) throws IOException {
        List<AvaLabel> labels = new ArrayList<>();
        String name = "";
        try (BufferedReader reader = AvaFiles.open(file)) {
            int lineNumber = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.startsWith("  name:")) {
                    name = quotedName(file, lineNumber, line);
                } else if (line.startsWith("  id:") || line.startsWith("  label_id:")) {
                    String[] words = line.strip().split(" ");
                    int id = AvaFiles.integer(file, lineNumber, "id", words[words.length - 1]);
                    labels.add(new AvaLabel(id, name));
                } else if (line.startsWith("  label_type:") && !labels.isEmpty()) {
                    AvaLabel last = labels.remove(labels.size() - 1);
                    labels.add(new AvaLabel(last.id(), last.name(), line.substring("  label_type:".length()).strip()));
                }
            }
        }
        return List.copyOf(labels);
    }

    /** The name is the text between the first two double quotes, as {@code line.split('"')[1]}. */
    private static String quotedName(Path file, int lineNumber, String line) throws AvaFormatException {
        int open = line.indexOf('"');
        if (open < 0) {
            throw new AvaFormatException(file, lineNumber, "name is not quoted: " + line.strip());
        }
        int close = line.indexOf('"', open + 1);
        return close < 0 ? line.substring(open + 1) : line.substring(open + 1, close);
    }

    public static List<Integer> classIds(List<AvaLabel> labels) {
        return labels.stream().map(AvaLabel::id).distinct().toList();
    }
}
