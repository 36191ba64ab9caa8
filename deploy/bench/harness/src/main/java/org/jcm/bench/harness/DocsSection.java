package org.jcm.bench.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The part of docs/performance.md that the harness owns: the text between
 * {@value #BEGIN} and {@value #END}, under the heading {@value #HEADING}. Everything else in the
 * page is left as it is.
 */
final class DocsSection {

    static final String HEADING = "## REST benchmark (deploy/bench)";
    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";

    private DocsSection() {
    }

    /**
     * The document with the text between the markers replaced by {@code content}; if the document
     * has no markers, the heading and the marked section are appended.
     */
    static String replace(String document, String content) {
        String body = content.endsWith("\n") ? content : content + "\n";
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 && end < 0) {
            String separator = document.isEmpty() || document.endsWith("\n\n") ? "" : document.endsWith("\n") ? "\n" : "\n\n";
            return document + separator + HEADING + "\n\n" + BEGIN + "\n" + body + END + "\n";
        }
        if (begin < 0 || end < 0 || end < begin || document.indexOf(BEGIN, begin + 1) >= 0 || document.indexOf(END, end + 1) >= 0) {
            throw new IllegalArgumentException("The document must hold exactly one " + BEGIN + " followed by one " + END);
        }
        return document.substring(0, begin + BEGIN.length()) + "\n" + body + document.substring(end);
    }

    /** Rewrites the file with the section replaced (through a temporary file, so a failure leaves it whole). */
    static void write(Path file, String content) throws IOException {
        String document = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, replace(document, content), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
