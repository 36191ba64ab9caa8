package org.jcm.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration properties declared by a service's {@code @ConfigMapping} interfaces, read
 * from its Java sources without compiling them.
 *
 * <p>It understands what the project's mappings use: a prefix, member methods named in kebab case
 * (or by {@code @WithName}), {@code @WithParentName}, {@code Optional} members, and groups (a
 * member whose type is another interface of the same sources, nested or not). A {@code Map}
 * member stands for any key below its name. Default methods and nested types are not members.
 * What it does not understand it leaves out, so a property it misses fails the check loudly
 * rather than passing quietly.
 */
final class ConfigMappingScanner {

    /** Properties found: exact names, and prefixes below which any name is valid (maps). */
    record Declared(TreeSet<String> properties, TreeSet<String> mapPrefixes) {
    }

    private record Member(String name, String type, boolean parentName) {
    }

    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\s*\\(([^)]*)\\)");
    private static final Pattern PREFIX = Pattern.compile("prefix\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)[^{;]*\\{");
    private static final Pattern METHOD = Pattern.compile("(?s)^(.*?)([\\w.]+(?:\\s*<.*>)?(?:\\[\\])?)\\s+(\\w+)\\s*\\(\\s*\\)$");
    private static final Pattern WITH_NAME = Pattern.compile("@WithName\\s*\\(\\s*\"([^\"]*)\"\\s*\\)");
    private static final Pattern WITH_PARENT_NAME = Pattern.compile("@WithParentName\\b");
    private static final Pattern GENERIC = Pattern.compile("^(?:java\\.util\\.)?(\\w+)\\s*<(.*)>$", Pattern.DOTALL);

    private ConfigMappingScanner() {
    }

    /** Scans every {@code .java} file under {@code sourceRoot}; an absent directory declares nothing. */
    static Declared scan(Path sourceRoot) {
        Map<String, List<Member>> interfaces = new HashMap<>();
        Map<String, String> roots = new HashMap<>();
        if (Files.isDirectory(sourceRoot)) {
            try (Stream<Path> files = Files.walk(sourceRoot)) {
                files.filter(f -> f.toString().endsWith(".java")).forEach(f -> read(f, interfaces, roots));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Declared declared = new Declared(new TreeSet<>(), new TreeSet<>());
        roots.forEach((type, prefix) -> expand(prefix, type, interfaces, declared, 0));
        return declared;
    }

    private static void read(Path file, Map<String, List<Member>> interfaces, Map<String, String> roots) {
        String source;
        try {
            source = stripComments(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String structure = blankStrings(source);
        Matcher type = INTERFACE.matcher(structure);
        while (type.find()) {
            int open = type.end() - 1;
            int close = matchingBrace(structure, open);
            interfaces.put(type.group(1), members(source, structure, open + 1, close));
            mappingPrefix(source, type.start()).ifPresent(prefix -> roots.put(type.group(1), prefix));
        }
    }

    /** The prefix of the {@code @ConfigMapping} annotation directly in front of an interface, if any. */
    private static Optional<String> mappingPrefix(String source, int interfaceStart) {
        int from = Math.max(source.lastIndexOf(';', interfaceStart), source.lastIndexOf('}', interfaceStart));
        Matcher mapping = MAPPING.matcher(source.substring(from + 1, interfaceStart));
        if (!mapping.find()) {
            return Optional.empty();
        }
        Matcher prefix = PREFIX.matcher(mapping.group(1));
        return Optional.of(prefix.find() ? prefix.group(1) : "");
    }

    /** The abstract member methods declared directly in an interface body (depth 0 only). */
    private static List<Member> members(String source, String structure, int from, int to) {
        List<Member> members = new ArrayList<>();
        int depth = 0;
        int start = from;
        boolean skip = false;
        for (int i = from; i < to; i++) {
            char c = structure.charAt(i);
            if (c == '{') {
                if (depth == 0) {
                    skip = true; // a default method or a nested type
                }
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    start = i + 1;
                    skip = false;
                }
            } else if (c == ';' && depth == 0) {
                if (!skip) {
                    member(source.substring(start, i).trim()).ifPresent(members::add);
                }
                start = i + 1;
            }
        }
        return members;
    }

    private static Optional<Member> member(String declaration) {
        Matcher method = METHOD.matcher(declaration);
        if (!method.matches() || method.group(1).contains("static") || method.group(1).contains("default")) {
            return Optional.empty();
        }
        String annotations = method.group(1);
        Matcher withName = WITH_NAME.matcher(annotations);
        String name = withName.find() ? withName.group(1) : EnvNames.kebab(method.group(3));
        return Optional.of(new Member(name, method.group(2).replaceAll("\\s+", ""),
                WITH_PARENT_NAME.matcher(annotations).find()));
    }

    private static void expand(String prefix, String type, Map<String, List<Member>> interfaces, Declared declared,
            int depth) {
        if (depth > 10) {
            return;
        }
        for (Member member : interfaces.getOrDefault(type, List.of())) {
            String name = member.parentName() ? prefix : join(prefix, member.name());
            String memberType = member.type();
            Matcher generic = GENERIC.matcher(memberType);
            if (generic.matches() && generic.group(1).equals("Map")) {
                declared.mapPrefixes().add(name);
                continue;
            }
            if (generic.matches() && generic.group(1).startsWith("Optional")) {
                memberType = generic.group(2);
            }
            if (interfaces.containsKey(memberType)) {
                expand(name, memberType, interfaces, declared, depth + 1);
            } else {
                declared.properties().add(name);
            }
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static int matchingBrace(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            if (text.charAt(i) == '{') {
                depth++;
            } else if (text.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    /** Replaces comments by spaces of the same length (Javadoc holds braces such as {@code}). */
    static String stripComments(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                i = endOfLiteral(source, i);
            } else if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                end = end < 0 ? source.length() : end;
                blank(out, i, end);
                i = end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                end = end < 0 ? source.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** Replaces the contents of string and character literals by spaces, keeping offsets. */
    private static String blankStrings(String source) {
        StringBuilder out = new StringBuilder(source);
        int i = 0;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = endOfLiteral(source, i);
                blank(out, i + 1, Math.max(i + 1, end - 1));
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    /** The index just after the literal that starts at {@code start} (text blocks included). */
    private static int endOfLiteral(String source, int start) {
        if (source.startsWith("\"\"\"", start)) {
            int end = source.indexOf("\"\"\"", start + 3);
            return end < 0 ? source.length() : end + 3;
        }
        char quote = source.charAt(start);
        int i = start + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(source.length(), i + 1);
    }

    private static void blank(StringBuilder out, int from, int to) {
        for (int i = from; i < to; i++) {
            if (out.charAt(i) != '\n') {
                out.setCharAt(i, ' ');
            }
        }
    }
}
