package org.jcm.registry.document;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A document's file name: read from the upload ({@code ?fileName=}, else the {@code filename*}
 * or {@code filename} parameter of {@code Content-Disposition}), cleaned, and written back in the
 * download's {@code Content-Disposition}.
 *
 * <p>Cleaning keeps the name a name and nothing else: only the part after the last {@code /} or
 * {@code \} is kept (a browser may send a whole path), control characters and the characters
 * Windows refuses in names ({@code "*:<>?|}), and invisible format characters (such as the
 * right-to-left override that disguises an extension) become {@code _}, runs of white space become one
 * space, and leading dots and spaces and trailing dots and spaces are dropped. A name that is
 * empty afterwards, or longer than {@value #MAX_LENGTH} characters (code points), is refused.
 */
public final class FileNames {

    /** The longest name kept, in code points. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern EXTENDED = Pattern.compile("(?i)(?:^|;)\\s*filename\\*\\s*=\\s*([^;]*)");
    private static final Pattern QUOTED = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern TOKEN = Pattern.compile("(?i)(?:^|;)\\s*filename\\s*=\\s*([^\";\\s]+)");
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\p{Cf}\\p{Zl}\\p{Zp}\"*:<>?|\\u0080-\\u009F]");

    private FileNames() {
    }

    /**
     * The cleaned name of an upload: {@code query} if given, else the name in {@code disposition},
     * else {@code document.<extension>}.
     *
     * @throws org.jcm.support.problem.ProblemException 400 {@code invalid_file_name}
     */
    static String of(String query, String disposition, DocumentType type) {
        Optional<String> given = query != null ? Optional.of(query) : fromDisposition(disposition);
        return given.map(FileNames::clean).orElse("document." + type.extension());
    }

    /** The name in a {@code Content-Disposition} header: {@code filename*} (RFC 6266, 8187) wins over {@code filename}. */
    static Optional<String> fromDisposition(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        Matcher extended = EXTENDED.matcher(header);
        if (extended.find()) {
            return Optional.of(decodeExtended(extended.group(1).trim()));
        }
        Matcher quoted = QUOTED.matcher(header);
        if (quoted.find()) {
            return Optional.of(quoted.group(1).replaceAll("\\\\(.)", "$1"));
        }
        Matcher token = TOKEN.matcher(header);
        return token.find() ? Optional.of(token.group(1)) : Optional.empty();
    }

    /** {@code UTF-8''%E5%A0%B1.pdf}: only UTF-8 is accepted, as RFC 8187 requires of senders. */
    private static String decodeExtended(String value) {
        int quote = value.indexOf('\'');
        int second = quote < 0 ? -1 : value.indexOf('\'', quote + 1);
        if (second < 0 || !value.substring(0, quote).toUpperCase(Locale.ROOT).equals("UTF-8")) {
            throw invalid("The filename* of Content-Disposition must be UTF-8''<percent-encoded name>.");
        }
        String encoded = value.substring(second + 1);
        if (encoded.contains("+")) {
            encoded = encoded.replace("+", "%2B");
        }
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("The filename* of Content-Disposition is not percent-encoded UTF-8.");
        }
    }

    /**
     * A name cleaned as the class says.
     *
     * @throws org.jcm.support.problem.ProblemException 400 {@code invalid_file_name}
     */
    static String clean(String name) {
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String cleaned = UNSAFE.matcher(last).replaceAll("_").replaceAll("\\s+", " ")
                .replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "");
        if (cleaned.isEmpty()) {
            throw invalid("The file name is empty once path, control characters and leading dots are taken out.");
        }
        if (cleaned.codePointCount(0, cleaned.length()) > MAX_LENGTH) {
            throw invalid("The file name is longer than " + MAX_LENGTH + " characters.");
        }
        if (cleaned.chars().anyMatch(c -> Character.isSurrogate((char) c)) && !isWellFormed(cleaned)) {
            throw invalid("The file name holds a lone UTF-16 surrogate.");
        }
        return cleaned;
    }

    /**
     * The download's {@code Content-Disposition}: {@code attachment}, an ASCII {@code filename} for
     * old clients (other characters as {@code _}) and the exact name as {@code filename*}.
     */
    public static String disposition(String name) {
        String ascii = name.replaceAll("[^\\x20-\\x7E]", "_").replace("\\", "_").replace("\"", "_");
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    private static boolean isWellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static org.jcm.support.problem.ProblemException invalid(String detail) {
        return DocumentProblems.invalid(DocumentProblems.INVALID_FILE_NAME, "fileName", detail);
    }
}
