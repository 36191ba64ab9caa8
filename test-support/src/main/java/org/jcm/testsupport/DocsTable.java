package org.jcm.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a table that a test keeps in sync from a markdown file, between two HTML comments. */
public final class DocsTable {

    private DocsTable() {
    }

    /** The lines between {@code <!-- matrix:NAME -->} and {@code <!-- end matrix:NAME -->}, blank lines left out. */
    public static List<String> between(Path file, String name) throws IOException {
        List<String> lines = new ArrayList<>();
        boolean inside = false;
        for (String line : Files.readAllLines(file)) {
            if (line.trim().equals("<!-- matrix:" + name + " -->")) {
                inside = true;
            } else if (line.trim().equals("<!-- end matrix:" + name + " -->")) {
                return lines;
            } else if (inside && !line.isBlank()) {
                lines.add(line.trim());
            }
        }
        throw new IllegalStateException(file + " has no complete matrix:" + name + " block");
    }
}
