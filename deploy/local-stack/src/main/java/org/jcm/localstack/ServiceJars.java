package org.jcm.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The services' runnable jars in the checkout. Settlement is optional while a checkout has only its
 * placeholder module (no sources): the stack then runs without it.
 *
 * @param registry registry-api's {@code quarkus-run.jar}
 * @param settlement settlement's, if this checkout has the service
 */
record ServiceJars(Path registry, Optional<Path> settlement) {

    static ServiceJars locate(StackSettings settings, Progress progress) {
        Path registry = settings.quarkusRunJar(LocalStack.REGISTRY);
        if (!Files.isRegularFile(registry)) {
            throw notBuilt(LocalStack.REGISTRY, registry);
        }
        Path settlement = settings.quarkusRunJar(LocalStack.SETTLEMENT);
        if (Files.isRegularFile(settlement)) {
            return new ServiceJars(registry, Optional.of(settlement));
        }
        if (Files.isDirectory(settings.projectDirectory().resolve(LocalStack.SETTLEMENT).resolve("src").resolve("main"))) {
            throw notBuilt(LocalStack.SETTLEMENT, settlement);
        }
        progress.warn("this checkout has no settlement service yet (no settlement/src); starting without it");
        return new ServiceJars(registry, Optional.empty());
    }

    private static StackException notBuilt(String service, Path jar) {
        return new StackException(StackException.START_FAILED, service + " is not built (" + jar + " is missing).\n"
                + "Start with deploy/local-stack/run, which builds what is missing, or run "
                + "'./mvnw -B -DskipTests package' first.");
    }
}
