package org.jcm.deploy.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every custom resource of a manifest tree validated against its operator's CRD schema, for each
 * vendored release of that operator (the oldest the documentation supports and the newest), as
 * the API server would: an unknown or misspelled field, a wrong type, a value outside an enum or a
 * missing required field is a problem. A kustomize patch is validated as a patch (only the fields
 * it sets). A custom resource of a kind with no vendored schema is a problem unless it is listed
 * as not checked, with the reason.
 */
final class CustomResourceCheck {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CustomResourceCheck() {
    }

    /**
     * @param unchecked "group/version Kind" of custom resources that are not validated, with why
     */
    static List<String> run(ManifestTree tree, Set<Path> patchFiles, CustomResourceSchemas schemas,
            Map<String, String> unchecked) {
        List<String> problems = new ArrayList<>();
        for (ManifestTree.Document document : tree.manifests()) {
            String apiVersion = Yamls.string(document.content(), "apiVersion");
            if (!isCustomResource(apiVersion)) {
                continue;
            }
            String where = tree.relative(document.file()) + ": " + document.kind() + "/" + document.name();
            List<CustomResourceSchemas.Schema> releases = schemas.of(apiVersion, document.kind());
            if (releases.isEmpty()) {
                if (!unchecked.containsKey(CustomResourceSchemas.key(apiVersion, document.kind()))) {
                    problems.add(where + ": no CRD schema vendored for " + apiVersion + " " + document.kind()
                            + " (src/test/resources/crds/README.md says how to add one)");
                }
                continue;
            }
            boolean patch = patchFiles.contains(document.file());
            JsonNode resource = MAPPER.valueToTree(document.content());
            for (CustomResourceSchemas.Schema schema : releases) {
                Set<String> messages = new TreeSet<>();
                for (ValidationMessage message : (patch ? schema.patch() : schema.whole()).validate(resource)) {
                    messages.add(message.getMessage());
                }
                for (String message : messages) {
                    problems.add(where + (patch ? " (patch)" : "") + " against " + schema.release() + ": " + message);
                }
            }
        }
        return problems;
    }

    /** A resource of an API group that is not built into Kubernetes. */
    static boolean isCustomResource(String apiVersion) {
        if (apiVersion == null || !apiVersion.contains("/")) {
            return false;
        }
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        return group.contains(".") && !group.endsWith(".k8s.io");
    }
}
