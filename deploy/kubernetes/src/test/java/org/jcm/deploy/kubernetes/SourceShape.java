package org.jcm.deploy.kubernetes;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods and constructors of one Java source file, with the lines each spans, found by
 * matching braces in the text with its comments, strings and character literals blanked out.
 * A body counts as a method's when the text before its brace is a declaration: a name, its
 * parameter list and an optional {@code throws} clause, not a control statement, a lambda, an
 * anonymous class or a type declaration. Good enough for the project's own code, which
 * {@link CodeShapeTest} checks.
 */
final class SourceShape {

    /** A method or constructor: its name, the line of its declaration and the line of its closing brace. */
    record Method(String name, int firstLine, int lastLine) {
        int lines() {
            return lastLine - firstLine + 1;
        }
    }

    private static final Set<String> NOT_METHODS = Set.of("if", "for", "while", "switch", "catch", "synchronized",
            "try", "else", "do", "return", "new", "throw", "yield");
    private static final Pattern DECLARATION = Pattern.compile(
            "(\\w+)\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*(?:throws\\s+[\\w.,\\s]+)?$");
    private static final Pattern TYPE = Pattern.compile("\\b(class|record|interface|enum)\\b");

    private SourceShape() {
    }

    /** Every method and constructor of {@code source}, nested ones (in local or anonymous classes) included. */
    static List<Method> methods(String source) {
        String code = blank(source);
        List<Method> methods = new ArrayList<>();
        int headerStart = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == ';' || c == '}') {
                headerStart = i + 1;
            } else if (c == '{') {
                String header = code.substring(headerStart, i).strip();
                Matcher m = DECLARATION.matcher(header);
                if (m.find() && isDeclaration(header, m)) {
                    int close = matching(code, i);
                    int first = line(code, headerStart + leadingSpace(code, headerStart, i));
                    methods.add(new Method(m.group(1), first, line(code, close)));
                }
                headerStart = i + 1;
            }
        }
        return methods;
    }

    private static boolean isDeclaration(String header, Matcher m) {
        String before = header.substring(0, m.start()).strip();
        return !NOT_METHODS.contains(m.group(1)) && !before.endsWith("new") && !before.endsWith(".")
                && !before.contains("->") && !before.contains("=") && !TYPE.matcher(before).find();
    }

    private static int matching(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced braces after offset " + open);
    }

    private static int leadingSpace(String code, int from, int to) {
        int i = from;
        while (i < to && Character.isWhitespace(code.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static int line(String code, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /** The source with comments, string and text-block contents and character literals replaced by spaces, newlines kept. */
    static String blank(String source) {
        StringBuilder out = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            int end = skip(source, i);
            if (end == i) {
                out.append(source.charAt(i));
                i++;
            } else {
                for (int j = i; j < end; j++) {
                    out.append(source.charAt(j) == '\n' ? '\n' : ' ');
                }
                i = end;
            }
        }
        return out.toString();
    }

    /** Where a comment or literal starting at {@code i} ends, or {@code i} when none starts there. */
    private static int skip(String s, int i) {
        if (s.startsWith("//", i)) {
            int end = s.indexOf('\n', i);
            return end < 0 ? s.length() : end;
        }
        if (s.startsWith("/*", i)) {
            return s.indexOf("*/", i + 2) + 2;
        }
        if (s.startsWith("\"\"\"", i)) {
            return s.indexOf("\"\"\"", i + 3) + 3;
        }
        char c = s.charAt(i);
        if (c == '"' || c == '\'') {
            int j = i + 1;
            while (s.charAt(j) != c) {
                j += s.charAt(j) == '\\' ? 2 : 1;
            }
            return j + 1;
        }
        return i;
    }
}
