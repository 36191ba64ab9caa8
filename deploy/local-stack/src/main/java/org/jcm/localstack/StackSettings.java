package org.jcm.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What the launcher was asked to do, resolved from options and environment variables.
 *
 * @param projectDirectory the checkout whose services are run (their {@code target/quarkus-app})
 * @param dataFolder where everything is kept between runs
 * @param fresh whether to wipe the data folder first
 * @param seed whether to load the demo data (once per data folder)
 * @param host the address the services listen on
 * @param registryPort registry-api's HTTP port
 * @param settlementPort settlement's HTTP port
 * @param postgresPort PostgreSQL's port
 * @param kafkaPort Kafka's client port
 * @param webhookPort the port of the launcher's webhook receiver, on the loopback interface
 * @param startupTimeout how long each service may take to become ready
 * @param serviceJavaOptions JVM options of the two services
 * @param restartLimit how many times in ten minutes a service that dies is started again (0: never)
 * @param observability where the services' traces go and how they log
 */
record StackSettings(Path projectDirectory, Path dataFolder, boolean fresh, boolean seed, String host,
                     int registryPort, int settlementPort, int postgresPort, int kafkaPort, int webhookPort,
                     Duration startupTimeout, List<String> serviceJavaOptions, int restartLimit,
                     Observability observability) {

    StackSettings {
        serviceJavaOptions = List.copyOf(serviceJavaOptions);
    }

    /** The host name clients use: a wildcard listen address is reached through localhost. */
    String clientHost() {
        return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]") ? "localhost" : host;
    }

    String registryUrl() {
        return "http://" + clientHost() + ":" + registryPort;
    }

    String settlementUrl() {
        return "http://" + clientHost() + ":" + settlementPort;
    }

    /** The runnable jar a Quarkus build leaves in a module. */
    Path quarkusRunJar(String module) {
        return projectDirectory.resolve(module).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    /**
     * Traces and logs of the services (docs/local-stack.md, "Traces and logs").
     *
     * @param tracePort the port of the launcher's trace receiver on the loopback interface; 0 for none
     * @param otlpEndpoint a collector to send the traces to instead (OTLP over gRPC), or empty
     * @param jsonLogs whether the services log one JSON object per line
     */
    record Observability(int tracePort, String otlpEndpoint, boolean jsonLogs) {

        /** Whether the services trace at all. */
        boolean tracing() {
            return tracePort > 0 || !otlpEndpoint.isEmpty();
        }
    }
}
