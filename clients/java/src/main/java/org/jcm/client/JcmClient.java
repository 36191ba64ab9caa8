package org.jcm.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jcm.client.registry.ApiClient;
import org.jcm.client.registry.ApiException;

/**
 * The entry point of the Java client (docs/client.md). It configures the generated API classes of
 * registry-api ({@code org.jcm.client.registry.api}) and settlement ({@code
 * org.jcm.client.settlement.api}) to send through one HTTP client that adds the bearer token and
 * retries under a {@link RetryPolicy}, and turns their failures into {@link JcmProblem}:
 *
 * <pre>{@code
 * JcmClient jcm = JcmClient.builder(URI.create("http://localhost:8080")).token(() -> token).build();
 * TransfersCancellationsAndRetirementsApi writes = new TransfersCancellationsAndRetirementsApi(jcm.registry());
 * MutationResponse done = jcm.idempotent(key -> writes.transfer(key, request));
 * }</pre>
 */
public final class JcmClient {

    private final URI baseUri;
    private final HttpClient http;

    private JcmClient(URI baseUri, HttpClient http) {
        this.baseUri = baseUri;
        this.http = http;
    }

    /** A builder for the service at {@code baseUri} (e.g. {@code http://localhost:8080}). */
    public static Builder builder(URI baseUri) {
        return new Builder(baseUri);
    }

    /** The service's base URI. */
    public URI baseUri() {
        return baseUri;
    }

    /** The HTTP client with the token and the retries, for requests the generated classes do not make. */
    public HttpClient http() {
        return http;
    }

    /** A client of registry-api for the generated classes of {@code org.jcm.client.registry.api}. */
    public ApiClient registry() {
        ApiClient client = new ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return http;
            }
        };
        client.updateBaseUri(trimmed());
        return client;
    }

    /** A client of the settlement service for the generated classes of {@code org.jcm.client.settlement.api}. */
    public org.jcm.client.settlement.ApiClient settlement() {
        org.jcm.client.settlement.ApiClient client = new org.jcm.client.settlement.ApiClient() {
            @Override
            public HttpClient getHttpClient() {
                return http;
            }
        };
        client.updateBaseUri(trimmed());
        return client;
    }

    private String trimmed() {
        String uri = baseUri.toString();
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }

    /** A call of a generated API method. */
    @FunctionalInterface
    public interface Call<T> {
        /** Makes the call. */
        T call() throws Exception;
    }

    /** A call of a generated write method, given the Idempotency-Key of this logical operation. */
    @FunctionalInterface
    public interface KeyedCall<T> {
        /** Makes the call with {@code idempotencyKey}. */
        T call(String idempotencyKey) throws Exception;
    }

    /**
     * Makes {@code call} and returns its result.
     *
     * @throws JcmProblem when the service answered with an error (after the retries)
     * @throws UncheckedIOException when the service could not be reached
     */
    public static <T> T call(Call<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            throw problem(e.getCode(), e.getResponseBody(), e.getResponseHeaders(), e);
        } catch (org.jcm.client.settlement.ApiException e) {
            throw problem(e.getCode(), e.getResponseBody(), e.getResponseHeaders(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new UncheckedIOException(e instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
    }

    private static RuntimeException problem(int status, String body, java.net.http.HttpHeaders headers, Exception e) {
        if (status == 0) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new UncheckedIOException(cause instanceof IOException io ? io : new IOException(e.getMessage(), e));
        }
        return JcmProblem.of(status, body, headers);
    }

    /**
     * Makes one logical write with a new Idempotency-Key: the key is made once here, and every
     * attempt the retries make sends that same key, so the service applies the write at most once.
     * To repeat a write after this method gave up (a timeout, a crash), call {@link #call} with the
     * key it used ({@link #newIdempotencyKey}).
     */
    public static <T> T idempotent(KeyedCall<T> call) {
        String key = newIdempotencyKey();
        return call(() -> call.call(key));
    }

    /** A new Idempotency-Key: a random UUID. */
    public static String newIdempotencyKey() {
        return UUID.randomUUID().toString();
    }

    /**
     * GETs {@code pathAndQuery} (e.g. {@code /api/v1/reports/summary?format=csv}) with {@code accept}
     * and returns the answer with its body as a stream, for the CSV reports and the ledger download.
     *
     * @throws JcmProblem when the answer is not a 2xx
     */
    public HttpResponse<InputStream> get(String pathAndQuery, String accept) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(trimmed() + pathAndQuery)).header("Accept", accept)
                .GET().build();
        HttpResponse<InputStream> response = call(() -> http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
        if (response.statusCode() / 100 != 2) {
            throw JcmProblem.of(response.statusCode(), text(response), response.headers());
        }
        return response;
    }

    private static String text(HttpResponse<InputStream> response) {
        try (InputStream body = response.body()) {
            return new String(body.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Builds a {@link JcmClient}. */
    public static final class Builder {
        private final URI baseUri;
        private Supplier<String> tokens = () -> null;
        private RetryPolicy retries = RetryPolicy.DEFAULT;
        private Duration connectTimeout = Duration.ofSeconds(10);

        private Builder(URI baseUri) {
            this.baseUri = Objects.requireNonNull(baseUri, "baseUri");
        }

        /** The bearer token of every request, asked for again before each attempt; none by default. */
        public Builder token(Supplier<String> tokens) {
            this.tokens = Objects.requireNonNull(tokens, "tokens");
            return this;
        }

        /** The retry policy; {@link RetryPolicy#DEFAULT} by default. */
        public Builder retries(RetryPolicy retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        /** The connection timeout; 10 s by default. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout, "connectTimeout");
            return this;
        }

        /** The client. */
        public JcmClient build() {
            HttpClient plain = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            return new JcmClient(baseUri, new RetryingHttpClient(plain, tokens, retries));
        }
    }
}
