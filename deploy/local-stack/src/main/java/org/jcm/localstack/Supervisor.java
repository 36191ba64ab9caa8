package org.jcm.localstack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Restarts a service of the local stack that dies while the stack runs, as a process supervisor
 * would: one line in the launcher's output per death and per restart, a backoff, and a limit per
 * ten minutes ({@link RestartPolicy}); past the limit the service stays down and the rest keeps
 * running. docs/local-stack.md, "A service that dies".
 */
final class Supervisor implements AutoCloseable {

    /** What the supervisor needs of the stack. */
    interface Services {

        /** Whether the stack is stopping: a death then is expected and nothing is restarted. */
        boolean stopping();

        /** Starts {@code dead} again in its place; empty if the stack started stopping meanwhile. */
        Optional<ServiceProcess> replace(ServiceProcess dead);
    }

    private final Services services;
    private final int limit;
    private final Progress progress;
    private final HttpClient http;
    private final String host;
    private final Duration startupTimeout;
    private final CountDownLatch stopRequested;
    private final Supplier<Instant> clock;
    private final Map<String, RestartPolicy> policies = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "local-stack-supervisor");
        thread.setDaemon(true);
        return thread;
    });

    Supervisor(Services services, int limit, Progress progress, HttpClient http, String host, Duration startupTimeout,
               CountDownLatch stopRequested, Supplier<Instant> clock) {
        this.services = services;
        this.limit = limit;
        this.progress = progress;
        this.http = http;
        this.host = host;
        this.startupTimeout = startupTimeout;
        this.stopRequested = stopRequested;
        this.clock = clock;
    }

    /** Watches a running service: when it exits and the stack is not stopping, decides a restart. */
    void watch(ServiceProcess service) {
        service.onExit(() -> !services.stopping() && !scheduler.isShutdown(), () -> died(service));
    }

    private void died(ServiceProcess service) {
        RestartPolicy policy = policies.computeIfAbsent(service.name(), name -> RestartPolicy.standard(limit));
        Optional<RestartPolicy.Restart> restart;
        synchronized (policy) {
            restart = policy.onDeath(clock.get());
        }
        String death = service.name() + " (pid " + service.pid() + ") exited unexpectedly with code " + service.exitValue();
        String tail = "The end of " + service.logFile() + ":\n" + service.logTail(20);
        if (restart.isEmpty()) {
            progress.warn(death + "; " + givingUp() + " The rest keeps running; Ctrl-C stops it. " + tail);
            return;
        }
        RestartPolicy.Restart next = restart.get();
        progress.warn(death + "; restarting it in " + seconds(next.delay()) + " (restart " + next.attempt() + " of at most "
                + next.limit() + " in " + policy.window().toMinutes() + " minutes). " + tail);
        try {
            scheduler.schedule(() -> restart(service), next.delay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // The stack is stopping: nothing to restart.
        }
    }

    private String givingUp() {
        return limit == 0
                ? "restarting is off (--restart-limit 0), so it stays down."
                : "it was restarted " + limit + " times in the last " + RestartPolicy.WINDOW.toMinutes()
                        + " minutes, so the stack leaves it down (--restart-limit).";
    }

    private void restart(ServiceProcess dead) {
        Optional<ServiceProcess> again = services.replace(dead);
        if (again.isEmpty()) {
            return;
        }
        ServiceProcess service = again.get();
        watch(service);
        try {
            if (service.awaitReady(http, host, startupTimeout, stopRequested)) {
                progress.step(service.name() + " is ready again on http://" + host + ":" + service.port() + " (pid "
                        + service.pid() + ", log " + service.logFile() + ")");
            }
        } catch (StackException e) {
            if (service.isAlive()) {
                progress.warn(e.getMessage());
            }
            // Else it died while starting: its exit handler has decided what comes next.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String seconds(Duration delay) {
        return delay.toMillis() % 1000 == 0 ? delay.toSeconds() + " s" : delay.toMillis() + " ms";
    }

    /** Restarts nothing more; a restart under way finishes or sees the stack stopping. */
    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
