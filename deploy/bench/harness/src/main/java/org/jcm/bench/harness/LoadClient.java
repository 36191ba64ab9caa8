package org.jcm.bench.harness;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * The load generator's HTTP/1.1 client: Vert.x's non-blocking client on two event loops with a
 * pool of keep-alive connections. Requests beyond the pool wait in its queue, which an open loop
 * counts as latency, as a real client would see it.
 */
final class LoadClient implements AutoCloseable {

    private static final CharSequence AUTHORIZATION = HttpHeaders.createOptimized("Authorization");
    private static final CharSequence IDEMPOTENCY_KEY = HttpHeaders.createOptimized("Idempotency-Key");
    private static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
    private static final CharSequence ACCEPT = HttpHeaders.createOptimized("Accept");
    private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

    private final Vertx vertx;
    private final HttpClient client;
    private final NanoClock clock;
    private final long timeoutMillis;

    LoadClient(String host, int port, int connections, Duration timeout, NanoClock clock) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(2)
                .setBlockedThreadCheckInterval(10).setBlockedThreadCheckIntervalUnit(TimeUnit.SECONDS));
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setDefaultHost(host)
                        .setDefaultPort(port)
                        .setKeepAlive(true)
                        .setTcpNoDelay(true)
                        .setConnectTimeout(10_000)
                        .setIdleTimeout(0),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * One request to send.
     *
     * @param method GET, POST or PUT
     * @param uri path and query
     * @param authorization the whole Authorization header value ({@code Bearer ...})
     * @param idempotencyKey the Idempotency-Key header, or null
     * @param body the JSON body, or null
     */
    record Request(HttpMethod method, String uri, String authorization, String idempotencyKey, Buffer body) {

        static Request get(String uri, String authorization) {
            return new Request(HttpMethod.GET, uri, authorization, null, null);
        }

        static Request post(String uri, String authorization, String idempotencyKey, Buffer body) {
            return new Request(HttpMethod.POST, uri, authorization, idempotencyKey, body);
        }

        static Request put(String uri, String authorization, String idempotencyKey, Buffer body) {
            return new Request(HttpMethod.PUT, uri, authorization, idempotencyKey, body);
        }
    }

    /**
     * An answer, with the clock reading when its body was complete.
     *
     * @param status the HTTP status, or 0 if there was no answer
     * @param body the body (empty if none)
     * @param completedNanos when it was complete
     * @param failure the I/O failure if there was no answer, else null
     */
    record Answer(int status, Buffer body, long completedNanos, String failure) {

        String text() {
            return body.toString();
        }
    }

    /** Sends a request; the stage never completes exceptionally (a failure is an {@link Answer} with status 0). */
    CompletionStage<Answer> send(Request request) {
        return send(request, JSON);
    }

    /** As {@link #send(Request)}, with a body of {@code contentType} (a document upload) rather than JSON. */
    CompletionStage<Answer> send(Request request, CharSequence contentType) {
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setURI(request.uri())
                .setTimeout(timeoutMillis)
                .putHeader(ACCEPT, JSON);
        if (request.authorization() != null) {
            options.putHeader(AUTHORIZATION, request.authorization());
        }
        if (request.idempotencyKey() != null) {
            options.putHeader(IDEMPOTENCY_KEY, request.idempotencyKey());
        }
        if (request.body() != null) {
            options.putHeader(CONTENT_TYPE, contentType);
        }
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        Future<Answer> future = client.request(options)
                .compose(sent -> request.body() == null ? sent.send() : sent.send(request.body()))
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(), body, clock.nanoTime(), null)));
        future.onComplete(result -> {
            if (result.succeeded()) {
                answer.complete(result.result());
            } else {
                Throwable cause = result.cause();
                answer.complete(new Answer(0, Buffer.buffer(), clock.nanoTime(),
                        cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
            }
        });
        return answer;
    }

    @Override
    public void close() {
        try {
            client.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing at the end of a run; nothing left to protect.
        }
    }
}
