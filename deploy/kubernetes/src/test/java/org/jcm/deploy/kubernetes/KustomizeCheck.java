package org.jcm.deploy.kubernetes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What kustomize would refuse or do wrong, found without kustomize: every resource, component,
 * generator file and patch that a kustomization lists exists and parses; every patch and every
 * generator with {@code behavior: merge|replace} targets something that exists where it is
 * applied; {@code images} entries name an image that is used; every manifest is used by some
 * kustomization; and in each top-level kustomization (an overlay), every ConfigMap a pod uses is
 * part of it and every Secret it uses is part of it or listed as made elsewhere (by an operator
 * or by hand).
 */
final class KustomizeCheck {

    /** A resource that a kustomization build would contain: kind, name and content (null for generated ones). */
    record Resource(String kind, String name, Object content) {
    }

    private static final Set<String> DEPRECATED = Set.of("bases", "patchesStrategicMerge", "patchesJson6902",
            "commonLabels", "vars");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job", "CronJob", "Pod");

    private final ManifestTree tree;
    private final Map<String, String> externalSecrets;
    private final Set<String> problems = new LinkedHashSet<>();
    private final Set<Path> usedFiles = new HashSet<>();
    private final Set<Path> patchFiles = new HashSet<>();

    private KustomizeCheck(ManifestTree tree, Map<String, String> externalSecrets) {
        this.tree = tree;
        this.externalSecrets = externalSecrets;
    }

    /** The problems of a tree; {@code externalSecrets} are Secrets created outside it, with the reason. */
    static KustomizeCheck run(ManifestTree tree, Map<String, String> externalSecrets) {
        KustomizeCheck check = new KustomizeCheck(tree, externalSecrets);
        check.run();
        return check;
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    /** The files that some kustomization uses as a patch (their documents are partial). */
    Set<Path> patchFiles() {
        return patchFiles;
    }

    private void run() {
        tree.unparsable().forEach((file, message) -> problems.add(tree.relative(file) + ": " + message));
        Set<Path> referenced = referencedDirectories();
        for (Path directory : tree.kustomizationDirectories()) {
            usedFiles.add(directory.resolve(ManifestTree.KUSTOMIZATION));
            if (referenced.contains(directory)) {
                continue;
            }
            String kind = Yamls.kind(first(directory));
            if ("Component".equals(kind)) {
                problems.add(tree.relative(directory) + ": component used by no kustomization, so nothing checks "
                        + "its patches where they apply; include it in an overlay");
                continue;
            }
            List<Resource> build = build(directory, List.of(), new ArrayDeque<>());
            checkReferences(directory, build);
        }
        for (Path file : tree.files()) {
            if (!usedFiles.contains(file)) {
                problems.add(tree.relative(file) + ": listed by no kustomization (resources or patches)");
            }
        }
    }

    /** Directories that some kustomization lists under resources or components. */
    private Set<Path> referencedDirectories() {
        Set<Path> referenced = new HashSet<>();
        for (Path directory : tree.kustomizationDirectories()) {
            Object kustomization = first(directory);
            List<Object> entries = new ArrayList<>(Yamls.list(kustomization, "resources"));
            entries.addAll(Yamls.list(kustomization, "components"));
            for (Object entry : entries) {
                Path target = directory.resolve(String.valueOf(entry)).normalize();
                if (Files.isDirectory(target)) {
                    referenced.add(target);
                }
            }
        }
        return referenced;
    }

    private Object first(Path directory) {
        List<Object> documents = tree.documents(directory.resolve(ManifestTree.KUSTOMIZATION));
        return documents.isEmpty() ? null : documents.get(0);
    }

    /** The resources of a kustomization as kustomize would accumulate them, checking as it goes. */
    private List<Resource> build(Path directory, List<Resource> parentContext, Deque<Path> stack) {
        String where = tree.relative(directory.resolve(ManifestTree.KUSTOMIZATION));
        List<Object> documents = tree.documents(directory.resolve(ManifestTree.KUSTOMIZATION));
        if (documents.size() != 1) {
            problems.add(where + ": expected one kustomization document, found " + documents.size()
                    + (Files.exists(directory.resolve(ManifestTree.KUSTOMIZATION)) ? "" : " (no such file)"));
            return List.of();
        }
        if (stack.contains(directory)) {
            problems.add(where + ": includes itself through " + stack);
            return List.of();
        }
        stack.push(directory);
        Object kustomization = documents.get(0);
        String kind = Yamls.kind(kustomization);
        boolean component = "Component".equals(kind);
        if (!component && !"Kustomization".equals(kind)) {
            problems.add(where + ": kind is " + kind + ", expected Kustomization or Component");
        }
        for (String field : DEPRECATED) {
            if (kustomization instanceof Map<?, ?> m && m.containsKey(field)) {
                problems.add(where + ": '" + field + "' is deprecated in kustomize 5; use resources, patches or labels");
            }
        }
        List<Resource> accumulated = new ArrayList<>();
        resources(directory, where, kustomization, accumulated, stack);
        for (Object entry : Yamls.list(kustomization, "components")) {
            Path target = directory.resolve(String.valueOf(entry)).normalize();
            if (!"Component".equals(Yamls.kind(first(target)))) {
                problems.add(where + ": component " + entry + " is not a directory with a kustomization of kind Component");
                continue;
            }
            accumulated.addAll(build(target, concat(component ? parentContext : List.of(), accumulated), stack));
        }
        List<Resource> context = concat(component ? parentContext : List.of(), accumulated);
        generators(directory, where, kustomization, context, accumulated);
        context = concat(component ? parentContext : List.of(), accumulated);
        patches(directory, where, kustomization, context);
        images(where, kustomization, context);
        stack.pop();
        return accumulated;
    }

    private void resources(Path directory, String where, Object kustomization, List<Resource> accumulated,
            Deque<Path> stack) {
        for (Object entry : Yamls.list(kustomization, "resources")) {
            String reference = String.valueOf(entry);
            if (reference.contains("://") || reference.startsWith("github.com/")) {
                problems.add(where + ": remote resource " + reference + " (not reproducible; vendor it)");
                continue;
            }
            Path target = directory.resolve(reference).normalize();
            if (Files.isDirectory(target)) {
                if ("Component".equals(Yamls.kind(first(target)))) {
                    problems.add(where + ": " + reference + " is a Component; list it under components");
                }
                accumulated.addAll(build(target, List.of(), stack));
            } else if (!Files.isRegularFile(target)) {
                problems.add(where + ": resource " + reference + " does not exist");
            } else if (tree.unparsable().containsKey(target)) {
                usedFiles.add(target); // reported once, as a file that does not parse
            } else {
                usedFiles.add(target);
                for (Object document : tree.documents(target)) {
                    String kind = Yamls.kind(document);
                    String name = Yamls.name(document);
                    if (kind == null || name == null || Yamls.string(document, "apiVersion") == null) {
                        problems.add(tree.relative(target) + ": a document without apiVersion, kind or metadata.name");
                    } else {
                        accumulated.add(new Resource(kind, name, document));
                    }
                }
            }
        }
    }

    private void generators(Path directory, String where, Object kustomization, List<Resource> context,
            List<Resource> accumulated) {
        for (String field : List.of("configMapGenerator", "secretGenerator")) {
            String kind = field.equals("configMapGenerator") ? "ConfigMap" : "Secret";
            for (Object generator : Yamls.list(kustomization, field)) {
                String name = Yamls.string(generator, "name");
                for (String source : List.of("files", "envs")) {
                    for (Object file : Yamls.list(generator, source)) {
                        String[] keyAndPath = String.valueOf(file).split("=", 2);
                        String path = keyAndPath[keyAndPath.length - 1];
                        if (!Files.isRegularFile(directory.resolve(path))) {
                            problems.add(where + ": " + field + " " + name + ": " + source + " file " + path
                                    + " does not exist");
                        }
                    }
                }
                String behavior = Yamls.string(generator, "behavior");
                if ("merge".equals(behavior) || "replace".equals(behavior)) {
                    if (context.stream().noneMatch(r -> r.kind().equals(kind) && r.name().equals(name))) {
                        problems.add(where + ": " + field + " " + name + " has behavior " + behavior
                                + " but no " + kind + " of that name comes from its resources");
                    }
                } else {
                    accumulated.add(new Resource(kind, name, null));
                }
            }
        }
    }

    private void patches(Path directory, String where, Object kustomization, List<Resource> context) {
        for (Object patch : Yamls.list(kustomization, "patches")) {
            List<Object> documents;
            String path = Yamls.string(patch, "path");
            if (path != null) {
                Path file = directory.resolve(path).normalize();
                if (!Files.isRegularFile(file)) {
                    problems.add(where + ": patch " + path + " does not exist");
                    continue;
                }
                usedFiles.add(file);
                patchFiles.add(file);
                documents = tree.documents(file);
            } else {
                try {
                    documents = Yamls.documents(String.valueOf(Yamls.string(patch, "patch")));
                } catch (RuntimeException e) {
                    problems.add(where + ": inline patch does not parse: " + e.getMessage());
                    continue;
                }
            }
            Map<String, Object> target = Yamls.map(patch, "target");
            String label = path != null ? "patch " + path : "inline patch";
            if (!target.isEmpty()) {
                checkTarget(where, label, Yamls.string(target, "kind"), Yamls.string(target, "name"), context);
            }
            for (Object document : documents) {
                if (document instanceof List<?> operations) {
                    if (target.isEmpty()) {
                        problems.add(where + ": " + label + " is a JSON 6902 patch without a target");
                    }
                    for (Object operation : operations) {
                        String operationPath = Yamls.string(operation, "path");
                        if (operationPath != null && operationPath.contains("/env")) {
                            problems.add(where + ": " + label + " changes env by JSON 6902 (" + operationPath
                                    + "); use a strategic merge patch, whose container names let the env check work");
                        }
                    }
                } else if (target.isEmpty() && document instanceof Map<?, ?>) {
                    checkTarget(where, label, Yamls.kind(document), Yamls.name(document), context);
                }
            }
        }
    }

    private void checkTarget(String where, String label, String kind, String name, List<Resource> context) {
        boolean found = context.stream().anyMatch(r -> (kind == null || kind.equals(r.kind()))
                && (name == null || nameMatches(name, r.name())));
        if (!found) {
            problems.add(where + ": " + label + " targets " + kind + "/" + name + ", which is not among its resources");
        }
    }

    /** Kustomize matches a target name as a regular expression. */
    private static boolean nameMatches(String pattern, String name) {
        try {
            return Pattern.matches(pattern, name);
        } catch (PatternSyntaxException e) {
            return pattern.equals(name);
        }
    }

    private void images(String where, Object kustomization, List<Resource> context) {
        Set<String> used = new LinkedHashSet<>();
        for (Resource resource : context) {
            for (Object container : containers(resource.content())) {
                String image = Yamls.string(container, "image");
                if (image != null) {
                    used.add(image.replaceAll("@.*$", "").replaceAll(":[^:/]*$", ""));
                }
            }
        }
        for (Object image : Yamls.list(kustomization, "images")) {
            String name = Yamls.string(image, "name");
            if (!used.contains(name)) {
                problems.add(where + ": images entry " + name + " matches no container image (used: " + used + ")");
            }
        }
    }

    /** In an overlay, every ConfigMap and Secret that a pod uses must exist or be made elsewhere. */
    private void checkReferences(Path directory, List<Resource> build) {
        String where = tree.relative(directory.resolve(ManifestTree.KUSTOMIZATION));
        Set<String> configMaps = new HashSet<>();
        Set<String> secrets = new HashSet<>();
        build.stream().filter(r -> r.kind().equals("ConfigMap")).forEach(r -> configMaps.add(r.name()));
        build.stream().filter(r -> r.kind().equals("Secret")).forEach(r -> secrets.add(r.name()));
        for (Resource resource : build) {
            Object pod = podSpec(resource.content());
            if (pod == null) {
                continue;
            }
            String owner = resource.kind() + "/" + resource.name();
            for (Object volume : Yamls.list(pod, "volumes")) {
                requireConfigMap(where, owner, Yamls.string(Yamls.map(volume, "configMap"), "name"), configMaps);
                requireSecret(where, owner, Yamls.string(Yamls.map(volume, "secret"), "secretName"), secrets);
            }
            for (Object container : containers(resource.content())) {
                for (Object env : Yamls.list(container, "env")) {
                    Map<String, Object> from = Yamls.map(env, "valueFrom");
                    requireConfigMap(where, owner, Yamls.string(Yamls.map(from, "configMapKeyRef"), "name"), configMaps);
                    requireSecret(where, owner, Yamls.string(Yamls.map(from, "secretKeyRef"), "name"), secrets);
                }
                for (Object envFrom : Yamls.list(container, "envFrom")) {
                    requireConfigMap(where, owner, Yamls.string(Yamls.map(envFrom, "configMapRef"), "name"), configMaps);
                    requireSecret(where, owner, Yamls.string(Yamls.map(envFrom, "secretRef"), "name"), secrets);
                }
            }
        }
    }

    private void requireConfigMap(String where, String owner, String name, Set<String> configMaps) {
        if (name != null && !configMaps.contains(name)) {
            problems.add(where + ": " + owner + " uses ConfigMap " + name + ", which this overlay does not contain");
        }
    }

    private void requireSecret(String where, String owner, String name, Set<String> secrets) {
        if (name != null && !secrets.contains(name) && !externalSecrets.containsKey(name)) {
            problems.add(where + ": " + owner + " uses Secret " + name
                    + ", which this overlay does not contain and which is not listed as made elsewhere");
        }
    }

    /** The pod spec of a workload (Deployment, Job, CronJob, Pod, ...), or null for anything else. */
    static Object podSpec(Object document) {
        String kind = Yamls.kind(document);
        if (kind == null || !WORKLOADS.contains(kind)) {
            return null;
        }
        if (kind.equals("Pod")) {
            return Yamls.map(document, "spec");
        }
        Object spec = Yamls.map(document, "spec");
        if (kind.equals("CronJob")) {
            spec = Yamls.map(Yamls.map(spec, "jobTemplate"), "spec");
        }
        return Yamls.map(Yamls.map(spec, "template"), "spec");
    }

    /** The containers and init containers of a workload, or none. */
    static List<Object> containers(Object document) {
        Object pod = podSpec(document);
        List<Object> containers = new ArrayList<>(Yamls.list(pod, "initContainers"));
        containers.addAll(Yamls.list(pod, "containers"));
        return containers;
    }

    private static List<Resource> concat(List<Resource> a, List<Resource> b) {
        List<Resource> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
