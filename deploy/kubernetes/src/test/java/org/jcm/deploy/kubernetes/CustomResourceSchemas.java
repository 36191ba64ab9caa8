package org.jcm.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The vendored openAPIV3Schemas of the operators' CustomResourceDefinitions
 * (src/test/resources/crds, one directory per operator release, one JSON file per kind; see the
 * README there), each compiled twice: for whole resources and for kustomize patches.
 */
final class CustomResourceSchemas {

    /** One release's schema of one kind. */
    record Schema(String release, JsonSchema whole, JsonSchema patch) {
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** "group/version Kind" to the schema of each vendored release. */
    private final Map<String, List<Schema>> schemas = new TreeMap<>();

    private CustomResourceSchemas() {
    }

    /** The schemas vendored under the test resources' {@code crds} directory. */
    static CustomResourceSchemas vendored() {
        try {
            return load(Path.of(CustomResourceSchemas.class.getResource("/crds").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The schemas under {@code root}: {@code <release>/<Kind>.json}, as written by extract.py. */
    static CustomResourceSchemas load(Path root) {
        CustomResourceSchemas loaded = new CustomResourceSchemas();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode crd = MAPPER.readTree(file.toFile());
                String key = key(crd.path("group").asText() + "/" + crd.path("version").asText(),
                        crd.path("kind").asText());
                JsonNode openApi = crd.path("openAPIV3Schema");
                loaded.schemas.computeIfAbsent(key, k -> new ArrayList<>()).add(new Schema(
                        file.getParent().getFileName().toString(),
                        factory.getSchema(StructuralSchema.toJsonSchema(openApi, false)),
                        factory.getSchema(StructuralSchema.toJsonSchema(openApi, true))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return loaded;
    }

    static String key(String apiVersion, String kind) {
        return apiVersion + " " + kind;
    }

    /** The schemas of every vendored release for a kind, empty when none is vendored. */
    List<Schema> of(String apiVersion, String kind) {
        return schemas.getOrDefault(key(apiVersion, kind), List.of());
    }

    /** Every "group/version Kind" with a vendored schema. */
    java.util.Set<String> kinds() {
        return schemas.keySet();
    }
}
