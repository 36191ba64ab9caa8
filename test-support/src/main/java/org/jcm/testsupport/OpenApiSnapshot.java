package org.jcm.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

/**
 * The committed copy of a service's OpenAPI document ({@code docs/openapi/<service>.json}), from
 * which the Java client is generated at build time. A service's test compares the document it
 * serves with the committed copy; with {@code -Dopenapi.refresh=true} it writes the served document
 * instead. Only the paths under the API's prefix are published: a test run also serves the tests'
 * own resources, which are no part of the API, and the schemas only they use. Documents are
 * compared as JSON trees (key order aside) and written pretty-printed with a
 * final newline, so that a refresh that changes nothing leaves the file as it was.
 */
public final class OpenApiSnapshot {

    /** The system property that makes {@link #drift} write the served document. */
    public static final String REFRESH = "openapi.refresh";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private OpenApiSnapshot() {
    }

    /** {@code docs/openapi/<name>.json} of the repository the test runs in (found from the working directory up). */
    public static Path committed(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no repository root (a folder with mvnw) above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("docs").resolve("openapi").resolve(name + ".json");
    }

    /** The document without the paths outside {@code prefix} and the schemas nothing left refers to. */
    static JsonNode published(ObjectNode document, String prefix) {
        ((ObjectNode) document.path("paths")).properties().removeIf(path -> !path.getKey().startsWith(prefix));
        JsonNode schemas = document.path("components").path("schemas");
        if (schemas instanceof ObjectNode named) {
            Set<String> used = referenced(document, named);
            named.properties().removeIf(schema -> !used.contains(schema.getKey()));
        }
        return document;
    }

    /** The names of the schemas the paths refer to, directly or through other schemas. */
    private static Set<String> referenced(ObjectNode document, ObjectNode schemas) {
        String prefix = "#/components/schemas/";
        Set<String> used = new HashSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(document.path("paths").findValues("$ref"));
        while (!todo.isEmpty()) {
            String ref = todo.pop().asText();
            if (ref.startsWith(prefix) && used.add(ref.substring(prefix.length()))) {
                todo.addAll(schemas.path(ref.substring(prefix.length())).findValues("$ref"));
            }
        }
        return used;
    }

    /**
     * Compares {@code served} with the committed file, or writes it there when refreshing.
     *
     * @return null when they are equal (or the file was refreshed); otherwise what differs and how to refresh
     */
    public static String drift(String served, String prefix, Path file) {
        try {
            JsonNode document = published((ObjectNode) JSON.readTree(served), prefix);
            if (Boolean.getBoolean(REFRESH)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(document) + "\n");
                return null;
            }
            if (Files.isRegularFile(file) && JSON.readTree(file.toFile()).equals(document)) {
                return null;
            }
            return file + " is " + (Files.isRegularFile(file) ? "not the served document" : "missing")
                    + "; the client is generated from it. Refresh it with: ./mvnw -B verify -pl <service> -am"
                    + " -Dtest=OpenApiDocumentTest -Dsurefire.failIfNoSpecifiedTests=false -D" + REFRESH + "=true";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
