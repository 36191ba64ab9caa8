package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor against real child JVMs: a "service" that exits with code 3 as soon as it starts
 * is restarted with the backoff until the limit, then left down, with one line for each.
 * (LocalStackIT kills the real registry-api and sees it come back.)
 */
class SupervisorTest {

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final List<ServiceProcess> started = new CopyOnWriteArrayList<>();
    private Supervisor supervisor;

    @Test
    void a_service_that_keeps_dying_is_restarted_up_to_the_limit_then_left_down(@TempDir Path folder) throws Exception {
        ServiceProcess first = ServiceProcess.start(new ServiceProcess.Spec("crasher", crashingJar(folder), 1, Map.of()),
                List.of("-Xmx32m", "-XX:TieredStopAtLevel=1"), folder.resolve("work"), folder.resolve("crasher.log"), folder);
        started.add(first);
        supervisor = new Supervisor(new Replacing(), 2, new Progress(new PrintStream(output, true, StandardCharsets.UTF_8)),
                HttpClient.newHttpClient(), "localhost", Duration.ofSeconds(30), new CountDownLatch(1), Instant::now);

        supervisor.watch(first);

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> text().contains("leaves it down"));
        assertThat(started).hasSize(3);
        assertThat(started).allSatisfy(process -> assertThat(process.isAlive()).isFalse());
        String text = text();
        assertThat(text).contains("crasher (pid " + started.get(0).pid() + ") exited unexpectedly with code 3;"
                + " restarting it in 1 s (restart 1 of at most 2 in 10 minutes)");
        assertThat(text).contains("crasher (pid " + started.get(1).pid() + ") exited unexpectedly with code 3;"
                + " restarting it in 2 s (restart 2 of at most 2 in 10 minutes)");
        assertThat(text).contains("crasher (pid " + started.get(2).pid() + ") exited unexpectedly with code 3;"
                + " it was restarted 2 times in the last 10 minutes, so the stack leaves it down");
        // Each start's output went on at the end of the same log.
        assertThat(Files.readString(folder.resolve("crasher.log")).split("crashing on purpose", -1)).hasSize(4);
        TimeUnit.SECONDS.sleep(3);
        assertThat(started).as("nothing is started after giving up").hasSize(3);
    }

    @Test
    void nothing_is_restarted_once_the_stack_is_stopping(@TempDir Path folder) throws Exception {
        ServiceProcess first = ServiceProcess.start(new ServiceProcess.Spec("crasher", crashingJar(folder), 1, Map.of()),
                List.of("-Xmx32m"), folder.resolve("work"), folder.resolve("crasher.log"), folder);
        started.add(first);
        supervisor = new Supervisor(new Replacing() {
            @Override
            public boolean stopping() {
                return true;
            }
        }, 5, new Progress(new PrintStream(output, true, StandardCharsets.UTF_8)), HttpClient.newHttpClient(),
                "localhost", Duration.ofSeconds(30), new CountDownLatch(1), Instant::now);

        supervisor.watch(first);

        assertThat(first.stop(Duration.ofSeconds(30))).isTrue();
        TimeUnit.SECONDS.sleep(2);
        assertThat(started).hasSize(1);
        assertThat(text()).doesNotContain("exited unexpectedly");
    }

    @AfterEach
    void stop() {
        if (supervisor != null) {
            supervisor.close();
        }
        started.forEach(process -> process.stop(Duration.ofSeconds(5)));
    }

    private String text() {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** Starts the dead one again, as the stack does, and keeps the new one. */
    private class Replacing implements Supervisor.Services {

        @Override
        public boolean stopping() {
            return false;
        }

        @Override
        public Optional<ServiceProcess> replace(ServiceProcess dead) {
            ServiceProcess again = dead.restart();
            started.add(again);
            return Optional.of(again);
        }
    }

    /** A runnable jar of {@link Crasher}. */
    private static Path crashingJar(Path folder) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Crasher.class.getName());
        Path jar = folder.resolve("crasher.jar");
        String entry = Crasher.class.getName().replace('.', '/') + ".class";
        try (OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file, manifest);
             InputStream bytes = Crasher.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            bytes.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    /** The "service": says so and exits with code 3 at once. */
    public static final class Crasher {

        public static void main(String[] args) {
            System.out.println("crashing on purpose");
            System.exit(3);
        }
    }
}
