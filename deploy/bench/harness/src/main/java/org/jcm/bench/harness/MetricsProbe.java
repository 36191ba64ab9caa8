package org.jcm.bench.harness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** Reads one figure from a service's Prometheus endpoint ({@code /q/metrics} on its management port). */
final class MetricsProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI metrics;

    MetricsProbe(String host, int port) {
        this.metrics = URI.create("http://" + host + ":" + port + "/q/metrics");
    }

    /** The sample's value, or empty if the endpoint or the sample is not there. */
    OptionalDouble read(String name, String labelFragment) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? PrometheusText.value(response.body(), name, labelFragment) : OptionalDouble.empty();
        } catch (IOException e) {
            return OptionalDouble.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalDouble.empty();
        }
    }
}
