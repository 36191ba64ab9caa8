package org.jcm.deploy.kubernetes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** All checks of one manifest tree against the services whose containers it runs. */
final class ManifestCheck {

    /** The outcome: problems (empty when all is well) and the pending properties that were needed. */
    record Report(List<String> problems, Set<String> pendingUsed, int manifests) {
    }

    private ManifestCheck() {
    }

    /**
     * @param manifestRoot the tree to check
     * @param repositoryRoot where pending entries' files are looked for
     * @param serviceDirectories each service (container name) and its module directory
     * @param pending properties declared on branches not merged yet
     * @param externalSecrets Secrets made outside the tree, with who makes them
     */
    static Report run(Path manifestRoot, Path repositoryRoot, Map<String, Path> serviceDirectories,
            List<ServiceConfiguration.Pending> pending, Map<String, String> externalSecrets,
            QuarkusConfigModel quarkus) {
        ManifestTree tree = ManifestTree.read(manifestRoot);
        Map<String, ServiceConfiguration> services = new LinkedHashMap<>();
        serviceDirectories.forEach((name, directory) -> services.put(name,
                new ServiceConfiguration(name, repositoryRoot, directory, quarkus, pending)));
        KustomizeCheck kustomize = KustomizeCheck.run(tree, externalSecrets);
        List<String> problems = new ArrayList<>(kustomize.problems());
        problems.addAll(WorkloadCheck.run(tree, services, kustomize.patchFiles()));
        Set<String> pendingUsed = new TreeSet<>();
        services.values().forEach(s -> s.pendingUsed().forEach(p -> pendingUsed.add(s.service() + ": " + p)));
        return new Report(problems, pendingUsed, tree.manifests().size());
    }
}
