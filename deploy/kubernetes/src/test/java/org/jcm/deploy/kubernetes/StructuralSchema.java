package org.jcm.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns the openAPIV3Schema of a CustomResourceDefinition (a Kubernetes structural schema) into a
 * JSON Schema that judges a custom resource as the API server does with strict field validation
 * ({@code kubectl apply}'s default):
 * <ul>
 * <li>an object field that the schema does not declare is an error (the server would prune it, and
 * with strict validation refuses it), unless the node says {@code x-kubernetes-preserve-unknown-fields}:
 * every object node outside {@code allOf}/{@code anyOf}/{@code oneOf}/{@code not} without
 * {@code additionalProperties} gets {@code additionalProperties: false};</li>
 * <li>{@code x-kubernetes-int-or-string} accepts an integer or a string, {@code nullable} accepts null,
 * {@code x-kubernetes-embedded-resource} adds {@code apiVersion}, {@code kind} and {@code metadata};</li>
 * <li>the root's {@code metadata} is an ObjectMeta (name, namespace, labels, annotations ...), which a
 * CRD never spells out;</li>
 * <li>every other {@code x-kubernetes-*} key is dropped (CEL rules, list and map types are not
 * judged here).</li>
 * </ul>
 * For a kustomize patch, which holds only the fields it changes, {@code required} and the logical
 * junctors (which constrain combinations of fields) are left out.
 */
final class StructuralSchema {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final Set<String> JUNCTORS = Set.of("allOf", "anyOf", "oneOf", "not");
    private static final String PRESERVE = "x-kubernetes-preserve-unknown-fields";

    private final boolean patch;

    private StructuralSchema(boolean patch) {
        this.patch = patch;
    }

    /** The JSON Schema (draft 2020-12) for a whole resource ({@code patch} false) or a patch of one. */
    static ObjectNode toJsonSchema(JsonNode openApiV3Schema, boolean patch) {
        ObjectNode schema = new StructuralSchema(patch).node(openApiV3Schema, false);
        ObjectNode properties = schema.with("properties");
        properties.set("metadata", objectMeta());
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        return schema;
    }

    private ObjectNode node(JsonNode source, boolean inJunctor) {
        ObjectNode out = JSON.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = source.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("x-kubernetes-") || key.equals("nullable")) {
                continue;
            }
            if (JUNCTORS.contains(key)) {
                if (!patch) {
                    out.set(key, value.isArray() ? array((ArrayNode) value) : node(value, true));
                }
            } else if (key.equals("properties")) {
                ObjectNode properties = out.putObject("properties");
                value.fields().forEachRemaining(p -> properties.set(p.getKey(), node(p.getValue(), inJunctor)));
            } else if ((key.equals("items") || key.equals("additionalProperties")) && value.isObject()) {
                out.set(key, node(value, inJunctor));
            } else if (!(key.equals("required") && patch)) {
                out.set(key, value.deepCopy());
            }
        }
        kubernetesExtensions(source, out, inJunctor);
        return out;
    }

    private ArrayNode array(ArrayNode schemas) {
        ArrayNode out = JSON.arrayNode();
        schemas.forEach(s -> out.add(node(s, true)));
        return out;
    }

    private static void kubernetesExtensions(JsonNode source, ObjectNode out, boolean inJunctor) {
        if (source.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            if (!out.has("anyOf")) {
                out.putArray("anyOf").add(type("integer")).add(type("string"));
            }
        }
        if (source.path("nullable").asBoolean(false) && out.path("type").isTextual()) {
            out.putArray("type").add(out.path("type").asText()).add("null");
        }
        if (source.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            ObjectNode properties = out.with("properties");
            properties.putIfAbsent("apiVersion", type("string"));
            properties.putIfAbsent("kind", type("string"));
            properties.putIfAbsent("metadata", objectMeta());
        }
        boolean object = "object".equals(source.path("type").asText()) || source.has("properties");
        if (object && !inJunctor && !source.has("additionalProperties") && !source.path(PRESERVE).asBoolean(false)) {
            out.put("additionalProperties", false);
        }
    }

    private static ObjectNode type(String type) {
        return JSON.objectNode().put("type", type);
    }

    /** The fields of ObjectMeta a manifest may set. */
    private static ObjectNode objectMeta() {
        ObjectNode meta = type("object");
        ObjectNode properties = meta.putObject("properties");
        for (String name : new String[] {"name", "generateName", "namespace"}) {
            properties.set(name, type("string"));
        }
        for (String name : new String[] {"labels", "annotations"}) {
            properties.set(name, type("object").set("additionalProperties", type("string")));
        }
        properties.set("finalizers", type("array").set("items", type("string")));
        properties.set("ownerReferences", type("array").set("items", type("object")));
        meta.put("additionalProperties", false);
        return meta;
    }
}
