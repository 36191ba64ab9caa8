package org.jcm.registry.report;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How beneficiary names are compared: Unicode NFKC (full-width letters and digits become their
 * ordinary forms, the ideographic space a space), runs of white space one space, no leading or
 * trailing space, lower case (locale-independent), and NFKC again after lowering. Two names with
 * the same key name the same beneficiary in the public statement by name.
 */
public final class NameKey {

    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private NameKey() {
    }

    /** The comparison key of {@code name}. */
    public static String of(String name) {
        String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
        String spaced = SPACES.matcher(nfkc).replaceAll(" ").strip();
        return Normalizer.normalize(spaced.toLowerCase(Locale.ROOT), Normalizer.Form.NFKC);
    }
}
