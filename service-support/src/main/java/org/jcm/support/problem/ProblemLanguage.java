package org.jcm.support.problem;

import java.util.Locale;

/**
 * The languages problems are written in, and the choice among them from a request's
 * {@code Accept-Language} (RFC 9110, section 12.5.4). Japanese when the header prefers it, English
 * otherwise: for no header, a malformed one, or one naming only other languages.
 */
public enum ProblemLanguage {
    /** English, the default: the texts the services always gave. */
    EN("en"),
    /** Japanese, from the catalogue {@code problems_ja.properties}. */
    JA("ja");

    private final String tag;

    ProblemLanguage(String tag) {
        this.tag = tag;
    }

    /** The language tag sent in {@code Content-Language}. */
    public String tag() {
        return tag;
    }

    /**
     * The language for {@code acceptLanguage}. Each language range counts for the language of its
     * primary subtag ({@code ja-JP} for Japanese), with its quality value ({@code q}, 1 when
     * absent); {@code *} counts for every language the header does not name. The language with the
     * highest quality above 0 wins; between equal qualities the one named first, and English when
     * only {@code *} names them. A range that cannot be read is skipped.
     */
    public static ProblemLanguage negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return EN;
        }
        double[] named = {-1, -1};
        int[] position = {Integer.MAX_VALUE, Integer.MAX_VALUE};
        double wildcard = -1;
        String[] ranges = acceptLanguage.split(",");
        for (int i = 0; i < ranges.length; i++) {
            String[] parts = ranges[i].split(";", -1);
            String range = parts[0].trim().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (quality < 0 || range.isEmpty()) {
                continue;
            }
            if (range.equals("*")) {
                wildcard = Math.max(wildcard, quality);
                continue;
            }
            String primary = range.contains("-") ? range.substring(0, range.indexOf('-')) : range;
            for (ProblemLanguage language : values()) {
                if (language.tag.equals(primary) && quality > named[language.ordinal()]) {
                    named[language.ordinal()] = quality;
                    position[language.ordinal()] = Math.min(position[language.ordinal()], i);
                }
            }
        }
        double en = named[EN.ordinal()] >= 0 ? named[EN.ordinal()] : wildcard;
        double ja = named[JA.ordinal()] >= 0 ? named[JA.ordinal()] : wildcard;
        if (ja <= 0 || ja < en) {
            return EN;
        }
        if (ja > en) {
            return JA;
        }
        // Equal qualities: the one the header names first; a language named only by * comes after.
        return position[JA.ordinal()] < position[EN.ordinal()] ? JA : EN;
    }

    /** The range's quality value, 1 without one, or -1 when it cannot be read. */
    private static double quality(String[] parts) {
        double quality = 1;
        for (int p = 1; p < parts.length; p++) {
            String parameter = parts[p].trim();
            if (parameter.length() < 2 || Character.toLowerCase(parameter.charAt(0)) != 'q' || parameter.charAt(1) != '=') {
                continue;
            }
            String value = parameter.substring(2).trim();
            if (!value.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
                return -1;
            }
            quality = Double.parseDouble(value);
        }
        return quality;
    }
}
