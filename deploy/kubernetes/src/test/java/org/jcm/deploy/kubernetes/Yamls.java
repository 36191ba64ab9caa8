package org.jcm.deploy.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Loading YAML files (several documents each) and reading their untyped trees safely. */
final class Yamls {

    private Yamls() {
    }

    /** Every non-empty document of a YAML file; throws {@link IllegalArgumentException} if it does not parse. */
    static List<Object> documents(Path file) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Object> documents = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (Object document : yaml.loadAll(reader)) {
                if (document != null) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + " does not parse as YAML: " + e.getMessage(), e);
        }
        return documents;
    }

    /** Every non-empty document of a YAML text, such as an inline patch. */
    static List<Object> documents(String text) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        List<Object> documents = new ArrayList<>();
        for (Object document : yaml.loadAll(text)) {
            if (document != null) {
                documents.add(document);
            }
        }
        return documents;
    }

    /** The map at {@code key} of a map node, or an empty map when absent or not a map. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String key) {
        Object value = node instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof Map<?, ?> ? (Map<String, Object>) value : Map.of();
    }

    /** The list at {@code key} of a map node, or an empty list when absent or not a list. */
    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String key) {
        Object value = node instanceof Map<?, ?> m ? m.get(key) : null;
        return value instanceof List<?> ? (List<Object>) value : List.of();
    }

    /** The scalar at {@code key} of a map node as a string, or null when absent. */
    static String string(Object node, String key) {
        Object value = node instanceof Map<?, ?> m ? m.get(key) : null;
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : Objects.toString(value);
    }

    /** The {@code kind} of a Kubernetes object, or null. */
    static String kind(Object document) {
        return string(document, "kind");
    }

    /** The {@code metadata.name} of a Kubernetes object, or null. */
    static String name(Object document) {
        return string(map(document, "metadata"), "name");
    }
}
