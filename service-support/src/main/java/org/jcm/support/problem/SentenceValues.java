package org.jcm.support.problem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values an English problem sentence names: the quoted texts, and the words that hold a digit
 * or are codes in capitals (ids, quantities, serial ranges, dates, Party codes, enum values).
 * A Japanese detail repeats them after the code's own sentence when no template of the catalogue
 * matches the English one, so that the reader still sees which account, how many units, which field.
 */
public final class SentenceValues {

    /** At most this many values are repeated. */
    static final int MAX = 8;

    private static final Pattern QUOTED = Pattern.compile("'([^']*)'|\"([^\"]*)\"");
    private static final Pattern CAPITALS = Pattern.compile("[A-Z][A-Z0-9_-]+");
    /** Capitalized words that name things in general rather than values. */
    private static final Set<String> WORDS = Set.of("JSON", "HTTP", "URI", "UTF", "API", "JCM", "ITMO", "ITMOs", "NUL",
            "ID", "GET", "POST", "PUT", "DELETE", "OK", "SHA");

    private SentenceValues() {
    }

    /** The values of {@code sentence}, in order of appearance, each once. */
    public static List<String> of(String sentence) {
        Set<String> values = new LinkedHashSet<>();
        Matcher quoted = QUOTED.matcher(sentence);
        StringBuilder rest = new StringBuilder();
        int at = 0;
        while (quoted.find()) {
            rest.append(sentence, at, quoted.start()).append(' ');
            values.add(quoted.group());
            at = quoted.end();
        }
        rest.append(sentence.substring(at));
        for (String word : rest.toString().split("[\\s,;()]+")) {
            String value = trim(word);
            if (!value.isEmpty() && isValue(value)) {
                values.add(value);
            }
        }
        List<String> list = new ArrayList<>(values);
        return list.size() <= MAX ? list : list.subList(0, MAX);
    }

    private static boolean isValue(String word) {
        return word.chars().anyMatch(Character::isDigit) || CAPITALS.matcher(word).matches() && !WORDS.contains(word);
    }

    /** The word without the punctuation that ends a sentence or a clause around it. */
    private static String trim(String word) {
        int end = word.length();
        while (end > 0 && ".:!?".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }
}
