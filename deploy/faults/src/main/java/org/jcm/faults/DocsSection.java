package org.jcm.faults;

/**
 * Puts the harness's results into docs/reliability.md: between the markers under
 * "## Fault harness", creating the heading and the markers if missing, and leaving every other
 * section of the file as it is.
 */
public final class DocsSection {

    static final String HEADING = "## Fault harness";
    static final String BEGIN = "<!-- faults:begin -->";
    static final String END = "<!-- faults:end -->";

    private DocsSection() {
    }

    /** The document with {@code body} between the markers. */
    public static String replace(String document, String body) {
        String block = BEGIN + "\n" + body.strip() + "\n" + END;
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin >= 0 && end > begin) {
            return document.substring(0, begin) + block + document.substring(end + END.length());
        }
        if (begin >= 0 || end >= 0) {
            throw new IllegalArgumentException("docs/reliability.md has only one of the markers " + BEGIN + " and " + END);
        }
        if (document.startsWith(HEADING + "\n")) {
            return HEADING + "\n\n" + block + "\n" + document.substring(HEADING.length() + 1);
        }
        int heading = document.indexOf("\n" + HEADING + "\n");
        if (heading >= 0) {
            int after = heading + HEADING.length() + 2;
            return document.substring(0, after) + "\n" + block + "\n" + document.substring(after);
        }
        String prefix = document.isEmpty() ? "# Reliability\n" : document.stripTrailing() + "\n";
        return prefix + "\n" + HEADING + "\n\n" + block + "\n";
    }
}
