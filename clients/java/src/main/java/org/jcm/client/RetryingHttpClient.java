package org.jcm.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The {@link HttpClient} the generated API classes send through: it adds the bearer token from the
 * token supplier (asked again for every attempt, so a refreshed token is used) and sends the same
 * request again under the {@link RetryPolicy}. The request is resent as it is, so an
 * Idempotency-Key it carries is the same on every attempt and the server applies the write once.
 * A connection failure is retried only for a request that is safe to repeat: a GET, HEAD or
 * OPTIONS, or one that carries an Idempotency-Key.
 */
final class RetryingHttpClient extends HttpClient {

    private final HttpClient delegate;
    private final Supplier<String> tokens;
    private final RetryPolicy policy;

    RetryingHttpClient(HttpClient delegate, Supplier<String> tokens, RetryPolicy policy) {
        this.delegate = delegate;
        this.tokens = tokens;
        this.policy = policy;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        for (int attempt = 1;; attempt++) {
            HttpRequest authorized = authorize(request);
            HttpResponse<T> response;
            try {
                response = delegate.send(authorized, handler);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                if (attempt >= policy.maxAttempts() || !repeatable(request)) {
                    throw e;
                }
                pause(policy.pause(null, attempt).orElseThrow());
                continue;
            }
            Optional<Duration> pause = attempt < policy.maxAttempts() && RetryPolicy.retryable(response.statusCode())
                    ? policy.pause(response.headers(), attempt) : Optional.empty();
            if (pause.isEmpty()) {
                return response;
            }
            discard(response);
            pause(pause.get());
        }
    }

    private HttpRequest authorize(HttpRequest request) {
        String token = tokens == null ? null : tokens.get();
        if (token == null || request.headers().firstValue("Authorization").isPresent()) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", "Bearer " + token)
                .build();
    }

    private static boolean repeatable(HttpRequest request) {
        String method = request.method();
        return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")
                || request.headers().firstValue("Idempotency-Key").isPresent();
    }

    private void pause(Duration pause) throws InterruptedException {
        policy.sleeper().sleep(pause);
    }

    private static void discard(HttpResponse<?> response) throws IOException {
        if (response.body() instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request,
            HttpResponse.BodyHandler<T> handler) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return send(request, handler);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, delegate.executor().orElse(Runnable::run));
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return sendAsync(request, handler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return delegate.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return delegate.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return delegate.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return delegate.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return delegate.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return delegate.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return delegate.authenticator();
    }

    @Override
    public Version version() {
        return delegate.version();
    }

    @Override
    public Optional<Executor> executor() {
        return delegate.executor();
    }
}
