package org.jcm.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every configuration property of the Quarkus extensions on the test class path, from the model
 * that each extension jar ships ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}):
 * the property, its environment variable, and its phase. The extensions are test dependencies of
 * this module (see its pom), at the versions of the Quarkus BOM the services use.
 */
final class QuarkusConfigModel {

    static final String MODEL = "META-INF/quarkus-config-doc/quarkus-config-model.json";

    /** One property: its name, and whether it can be changed when the application starts. */
    record Property(String name, String phase) {

        /** False for properties fixed when the application is built: setting them at run time has no effect. */
        boolean runtime() {
            return phase.equals("RUN_TIME");
        }
    }

    private record Templated(Pattern variable, Property property) {
    }

    private final Map<String, Property> byVariable;
    private final List<Templated> templated;
    private final int extensions;

    private QuarkusConfigModel(Map<String, Property> byVariable, List<Templated> templated, int extensions) {
        this.byVariable = byVariable;
        this.templated = templated;
        this.extensions = extensions;
    }

    /** Reads the models of every extension on the class path. */
    static QuarkusConfigModel load() {
        Map<String, Property> byVariable = new HashMap<>();
        List<Templated> templated = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        int extensions = 0;
        try {
            for (URL model : Collections.list(QuarkusConfigModel.class.getClassLoader().getResources(MODEL))) {
                try (InputStream in = model.openStream()) {
                    collect(json.readTree(in), byVariable, templated);
                }
                extensions++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new QuarkusConfigModel(byVariable, List.copyOf(templated), extensions);
    }

    /** How many extension models were read. */
    int extensions() {
        return extensions;
    }

    /** How many properties the models hold. */
    int size() {
        return byVariable.size();
    }

    /** The property that MicroProfile Config finds under this environment variable, if any. */
    Optional<Property> find(String variable) {
        Property exact = byVariable.get(variable);
        if (exact != null) {
            return Optional.of(exact);
        }
        return templated.stream().filter(t -> t.variable().matcher(variable).matches()).map(Templated::property)
                .findFirst();
    }

    /** Every environment variable of the models, for "did you mean" hints. */
    Iterable<String> variables() {
        return byVariable.keySet();
    }

    /** Walks the whole tree: properties sit in sections of sections, whose shape varies by version. */
    private static void collect(JsonNode node, Map<String, Property> byVariable, List<Templated> templated) {
        if (node.isObject()) {
            JsonNode path = node.get("path");
            if (path != null && path.has("property") && path.has("environmentVariable")) {
                String name = path.get("property").asText();
                Property property = new Property(name, node.path("phase").asText("RUN_TIME"));
                if (name.contains("\"")) {
                    templated.add(new Templated(template(name), property));
                } else {
                    byVariable.put(path.get("environmentVariable").asText(), property);
                }
            }
        }
        if (node.isContainerNode()) {
            node.forEach(child -> collect(child, byVariable, templated));
        }
    }

    /**
     * A pattern for a property with a map key, such as {@code quarkus.log.category."categories".level}:
     * the key may be any name ({@code QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL}).
     */
    private static Pattern template(String property) {
        StringBuilder regex = new StringBuilder();
        String[] parts = property.split("\"[^\"]*\"", -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("_[A-Z0-9_]+_");
            }
            regex.append(Pattern.quote(EnvNames.of(parts[i])));
        }
        return Pattern.compile(regex.toString());
    }
}
