package org.jcm.registry.testing;

import io.restassured.RestAssured;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Fires many requests at once with the JDK's HTTP client, for concurrency tests. */
public final class Http implements AutoCloseable {

    /** A response: status, content type and body. */
    public record Answer(int status, String contentType, String body) {
    }

    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final HttpClient client = HttpClient.newBuilder().executor(executor).version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** POSTs JSON with a token and an Idempotency-Key, asynchronously. */
    public CompletableFuture<Answer> post(String path, String token, String key, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body()));
    }

    /** Waits for all. */
    public static List<Answer> all(List<CompletableFuture<Answer>> futures) {
        List<Answer> answers = new ArrayList<>();
        for (CompletableFuture<Answer> future : futures) {
            answers.add(future.join());
        }
        return answers;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
