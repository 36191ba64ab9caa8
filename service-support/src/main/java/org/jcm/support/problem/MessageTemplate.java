package org.jcm.support.problem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sentence of the problem catalogue with named holes, such as
 * {@code "account {account} is closed"}: filled with values to write a detail, and, in English,
 * read back from a detail to recover the values that a Japanese sentence repeats.
 */
public final class MessageTemplate {

    private static final Pattern HOLE = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)\\}");

    private final String text;
    private final List<String> holes;
    private final Pattern reader;

    /** The template {@code text}; a name may appear in several holes. */
    public MessageTemplate(String text) {
        this.text = text;
        List<String> names = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        Matcher m = HOLE.matcher(text);
        int at = 0;
        Set<String> seen = new LinkedHashSet<>();
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start())));
            String name = m.group(1);
            regex.append(seen.add(name) ? "(?<" + name + ">.+?)" : "\\k<" + name + ">");
            names.add(name);
            at = m.end();
        }
        regex.append(Pattern.quote(text.substring(at))).append('$');
        this.holes = List.copyOf(names);
        this.reader = Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** The template as written in the catalogue. */
    public String text() {
        return text;
    }

    /** How many characters of the template are not holes. */
    public int fixedLength() {
        return HOLE.matcher(text).replaceAll("").length();
    }

    /** The names of its holes, each once, in order of first appearance. */
    public Set<String> names() {
        return new LinkedHashSet<>(holes);
    }

    /**
     * The sentence with each hole filled from {@code values}.
     *
     * @throws IllegalArgumentException when a hole has no value
     */
    public String fill(Map<String, ?> values) {
        StringBuilder out = new StringBuilder();
        Matcher m = HOLE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalArgumentException("no value for {" + m.group(1) + "} in: " + text);
            }
            out.append(text, at, m.start()).append(values.get(m.group(1)));
            at = m.end();
        }
        return out.append(text.substring(at)).toString();
    }

    /** The values of the holes if {@code sentence} is this template filled in, else empty. */
    public Optional<Map<String, String>> read(String sentence) {
        Matcher m = reader.matcher(sentence);
        if (!m.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : holes) {
            values.put(name, m.group(name));
        }
        return Optional.of(values);
    }
}
