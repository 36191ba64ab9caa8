package org.jcm.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Quarkus service run as a child JVM ({@code java -jar quarkus-run.jar}) with its settings in
 * environment variables and its console output in a log file.
 */
public final class ServiceProcess {

    /** The system property that marks a child as belonging to the stack of one data folder. */
    static final String DATA_MARKER_PROPERTY = "jcm.local-stack.data";

    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path logFile;
    private final Launch launch;

    private ServiceProcess(String name, int port, int managementPort, Process process, Path logFile, Launch launch) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.logFile = logFile;
        this.launch = launch;
    }

    /**
     * What to run.
     *
     * @param name the service's name, for messages and the log file
     * @param jar its {@code quarkus-run.jar}
     * @param port its HTTP port
     * @param environment its settings, as Quarkus and MicroProfile environment variables; without
     *        {@code QUARKUS_MANAGEMENT_PORT}, the management interface (health, metrics) gets a free port
     */
    public record Spec(String name, Path jar, int port, Map<String, String> environment) {
    }

    /**
     * Starts the child in its own session ({@code setsid}, where available), so that Ctrl-C
     * reaches only the launcher, which then stops the children in order.
     */
    public static ServiceProcess start(Spec spec, List<String> javaOptions, Path workingDirectory, Path logFile, Path dataFolder) {
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        managementPort(environment);
        Launch launch = new Launch(new Spec(spec.name(), spec.jar(), spec.port(), environment), List.copyOf(javaOptions),
                workingDirectory, logFile, dataFolder);
        return launch.run(ProcessBuilder.Redirect.to(logFile.toFile()));
    }

    /**
     * Starts the same service again, on the same ports and with the same settings, after it died;
     * its output goes on at the end of the same log file.
     */
    public ServiceProcess restart() {
        return launch.run(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
    }

    /** Everything needed to start the service, kept so that it can be started again. */
    private record Launch(Spec spec, List<String> javaOptions, Path workingDirectory, Path logFile, Path dataFolder) {

        ServiceProcess run(ProcessBuilder.Redirect output) {
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
                command.add("/usr/bin/setsid");
            } else if (Files.isExecutable(Path.of("/bin/setsid"))) {
                command.add("/bin/setsid");
            }
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(javaOptions);
            command.add("-D" + DATA_MARKER_PROPERTY + "=" + dataFolder);
            command.add("-jar");
            command.add(spec.jar().toString());
            try {
                Files.createDirectories(workingDirectory);
                Files.createDirectories(logFile.getParent());
                ProcessBuilder builder = new ProcessBuilder(command)
                        .directory(workingDirectory.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(output);
                builder.environment().putAll(spec.environment());
                int managementPort = Integer.parseInt(spec.environment().get("QUARKUS_MANAGEMENT_PORT"));
                return new ServiceProcess(spec.name(), spec.port(), managementPort, builder.start(), logFile, this);
            } catch (IOException e) {
                throw new StackException(StackException.START_FAILED, "Cannot start " + spec.name() + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The management interface's port (/q/health, /q/metrics; docs/operations.md): the one the
     * environment sets, else a free one, on the HTTP host.
     */
    private static void managementPort(Map<String, String> environment) {
        if (!environment.containsKey("QUARKUS_MANAGEMENT_PORT")) {
            environment.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(Ports.anyFree()));
        }
        String host = environment.get("QUARKUS_HTTP_HOST");
        if (host != null) {
            environment.putIfAbsent("QUARKUS_MANAGEMENT_HOST", host);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    /** The port of the management interface: {@code /q/health}, {@code /q/metrics}. */
    public int managementPort() {
        return managementPort;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Path logFile() {
        return logFile;
    }

    /**
     * Waits until {@code /q/health/ready} on the management port answers 200. Throws {@link StackException} with the end
     * of the log if the process exits or the time runs out; returns early (false) if a stop is requested.
     */
    public boolean awaitReady(HttpClient http, String host, Duration timeout, CountDownLatch stopRequested) throws InterruptedException {
        URI ready = URI.create("http://" + host + ":" + managementPort + "/q/health/ready");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (stopRequested.getCount() == 0) {
                return false;
            }
            if (!process.isAlive()) {
                throw new StackException(StackException.START_FAILED, name + " exited with code " + process.exitValue()
                        + " while starting. The end of " + logFile + ":\n" + logTail(40));
            }
            if (answers200(http, ready)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException(StackException.START_FAILED, name + " was not ready after " + timeout.toSeconds()
                        + " s (" + ready + "). The end of " + logFile + ":\n" + logTail(40));
            }
            if (stopRequested.await(POLL.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        }
    }

    /** Whether a GET of this service's path answers 200 (used to see if the Swagger UI is in the build). */
    boolean answers200(HttpClient http, String host, String path) throws InterruptedException {
        return answers200(http, URI.create("http://" + host + ":" + port + path));
    }

    /**
     * Asks the service to stop (SIGTERM, Quarkus's graceful shutdown), waits up to {@code grace}
     * and then kills it and anything it started.
     *
     * @return true if it stopped by itself
     */
    public boolean stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        boolean graceful = waitFor(grace);
        if (!graceful) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        return graceful;
    }

    /** The last lines of the log, for messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }

    /** Calls {@code action} once when the process exits (used to report a service that dies). */
    void onExit(BooleanSupplier stillWanted, Runnable action) {
        process.onExit().thenRun(() -> {
            if (stillWanted.getAsBoolean()) {
                action.run();
            }
        });
    }

    public int exitValue() {
        return process.exitValue();
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean answers200(HttpClient http, URI uri) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
