package org.jcm.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A tree of Kubernetes manifests: every YAML file under a root (a Maven module's {@code src} and
 * {@code target} excepted), parsed, with the kustomizations among them.
 */
final class ManifestTree {

    /** One parsed YAML document and the file it came from. */
    record Document(Path file, Object content) {

        String kind() {
            return Yamls.kind(content);
        }

        String name() {
            return Yamls.name(content);
        }
    }

    static final String KUSTOMIZATION = "kustomization.yaml";
    private static final Set<String> NOT_MANIFESTS = Set.of("src", "target");

    private final Path root;
    private final Map<Path, List<Object>> files = new TreeMap<>();
    private final Map<Path, String> unparsable = new TreeMap<>();

    private ManifestTree(Path root) {
        this.root = root;
    }

    /** Reads every {@code .yaml} and {@code .yml} file under {@code root}. */
    static ManifestTree read(Path root) {
        ManifestTree tree = new ManifestTree(root.toAbsolutePath().normalize());
        try (Stream<Path> paths = Files.walk(tree.root)) {
            paths.filter(Files::isRegularFile).filter(tree::isManifest).sorted().forEach(tree::parse);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    private boolean isManifest(Path file) {
        Path relative = root.relativize(file);
        String name = file.getFileName().toString();
        return !NOT_MANIFESTS.contains(relative.getName(0).toString())
                && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    private void parse(Path file) {
        try {
            files.put(file, Yamls.documents(file));
        } catch (IllegalArgumentException e) {
            unparsable.put(file, e.getMessage());
        }
    }

    Path root() {
        return root;
    }

    /** The file's path relative to the root, for messages. */
    String relative(Path file) {
        return root.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /** Files that did not parse, with the parser's message. */
    Map<Path, String> unparsable() {
        return unparsable;
    }

    /** Every parsed YAML file. */
    Set<Path> files() {
        return files.keySet();
    }

    /** The documents of a file of the tree (empty if it is not one or did not parse). */
    List<Object> documents(Path file) {
        return files.getOrDefault(file.toAbsolutePath().normalize(), List.of());
    }

    /** Every document of every file that is not a kustomization. */
    List<Document> manifests() {
        List<Document> documents = new ArrayList<>();
        files.forEach((file, contents) -> {
            if (!file.getFileName().toString().equals(KUSTOMIZATION)) {
                contents.forEach(c -> documents.add(new Document(file, c)));
            }
        });
        return documents;
    }

    /** The directories that hold a kustomization.yaml. */
    List<Path> kustomizationDirectories() {
        return files.keySet().stream().filter(f -> f.getFileName().toString().equals(KUSTOMIZATION))
                .map(Path::getParent).toList();
    }

    /**
     * The keys of each ConfigMap by name: from ConfigMap manifests and from the configMapGenerator
     * entries of every kustomization (literals and env files). Kustomize adds a hash to generated
     * names and rewrites references, so references are matched by the name before the hash.
     */
    Map<String, Set<String>> configMapKeys() {
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        configMapData().forEach((name, data) -> keys.put(name, new TreeSet<>(data.keySet())));
        return keys;
    }

    /**
     * The data of each ConfigMap by name, as {@link #configMapKeys()} finds them; where several
     * generators or manifests give a key (a base and an overlay's merge), the value read last wins.
     */
    Map<String, Map<String, String>> configMapData() {
        Map<String, Map<String, String>> data = new LinkedHashMap<>();
        for (Document document : manifests()) {
            if ("ConfigMap".equals(document.kind()) && document.name() != null) {
                Map<String, String> values = data.computeIfAbsent(document.name(), n -> new TreeMap<>());
                Yamls.map(document.content(), "data").forEach((k, v) -> values.put(k, String.valueOf(v)));
            }
        }
        for (Path directory : kustomizationDirectories()) {
            for (Object kustomization : documents(directory.resolve(KUSTOMIZATION))) {
                for (Object generator : Yamls.list(kustomization, "configMapGenerator")) {
                    String name = Yamls.string(generator, "name");
                    Map<String, String> values = data.computeIfAbsent(String.valueOf(name), n -> new TreeMap<>());
                    for (Object literal : Yamls.list(generator, "literals")) {
                        String[] pair = String.valueOf(literal).split("=", 2);
                        values.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
                    }
                    for (Object envFile : Yamls.list(generator, "envs")) {
                        values.putAll(envFile(directory.resolve(String.valueOf(envFile))));
                    }
                }
            }
        }
        return data;
    }

    /** The keys of a kustomize env file: KEY=VALUE lines; blank lines and # comments skipped. */
    static Set<String> envFileKeys(Path file) {
        return new TreeSet<>(envFile(file).keySet());
    }

    /** The KEY=VALUE lines of a kustomize env file; blank lines and # comments skipped. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new TreeMap<>();
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    String[] pair = trimmed.split("=", 2);
                    values.put(pair[0].trim(), pair.length > 1 ? pair[1].trim() : "");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return values;
    }
}
