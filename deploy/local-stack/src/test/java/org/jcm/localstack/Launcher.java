package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged launcher ({@code target/jcm-local-stack.jar}) as the end-to-end tests start it: as a
 * user would, with the demo data, on free ports, with small service JVMs.
 */
final class Launcher {

    /** How long the whole stack may take to be ready with its demo data on a busy machine. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(240);
    private static final String SERVICE_OPTIONS = "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC";

    private Launcher() {
    }

    /**
     * The launcher's arguments for a fresh stack in {@code data} on these ports (registry,
     * settlement, PostgreSQL, Kafka, webhook receiver, trace receiver).
     */
    static List<String> arguments(Path data, int[] ports) {
        return List.of("--fresh", "--data", data.toString(),
                "--project-dir", System.getProperty("jcm.project.dir"),
                "--registry-port", Integer.toString(ports[0]), "--settlement-port", Integer.toString(ports[1]),
                "--postgres-port", Integer.toString(ports[2]), "--kafka-port", Integer.toString(ports[3]),
                "--webhook-port", Integer.toString(ports[4]), "--trace-port", Integer.toString(ports[5]),
                "--service-java-opts=" + SERVICE_OPTIONS);
    }

    /** Starts the launcher; its output goes to {@code output}. */
    static Process launch(List<String> arguments, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar", System.getProperty("jcm.launcher.jar")));
        command.addAll(arguments);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** Waits until the launcher prints its summary; the demo data must have loaded without warnings. */
    static void awaitReady(Process launcher, Path output) throws Exception {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            String text = Files.readString(output);
            if (text.contains(Summary.READY)) {
                assertThat(text).as("the demo data load without warnings").doesNotContain("WARNING");
                return;
            }
            if (!launcher.isAlive()) {
                fail("The launcher exited with " + launcher.exitValue() + " before it was ready:\n" + text);
            }
            Thread.sleep(250);
        }
        fail("The launcher was not ready after " + READY_TIMEOUT.toSeconds() + " s:\n" + Files.readString(output));
    }

    /** Ports free at the moment of asking. */
    static int[] freePorts(int count) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
    }
}
