package org.jcm.localstack;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jcm.embedded.EmbeddedKafkaBroker;
import org.jcm.embedded.EmbeddedPostgresServer;
import org.jcm.embedded.ServiceDatabase;

/** The text printed once the stack is ready: where everything is, and the demo actors' tokens. */
record Summary(StackSettings settings, DataFolder folder, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka,
               List<ServiceProcess> services, DemoIds ids, List<DemoActor> actors, Map<String, String> tokens,
               Instant tokensExpire, boolean registrySwagger, boolean settlementSwagger, double startSeconds) {

    /** The first line of the summary; scripts and the test wait for it. */
    static final String READY = "JCM local stack is ready";

    String text() {
        String registry = settings.registryUrl();
        String settlement = settings.settlementUrl();
        boolean withSettlement = services.size() > 1;
        StringBuilder text = new StringBuilder("\n")
                .append(READY).append(String.format(Locale.ROOT, " (%.1f s). Ctrl-C stops everything.%n%n", startSeconds));
        row(text, "explorer", registry + "/explorer/   (public page: totals, projects, units, retirements, prices)");
        row(text, "registry-api", registry + "/api/v1");
        row(text, "", swagger(registry, registrySwagger) + "   OpenAPI " + registry + "/q/openapi");
        if (withSettlement) {
            row(text, "settlement", settlement + "/api/v1");
            row(text, "", swagger(settlement, settlementSwagger) + "   OpenAPI " + settlement + "/q/openapi");
            row(text, "feeds", settlement + "/api/v1/feeds/trades");
            row(text, "", settlement + "/api/v1/feeds/ohlcv?instrument=" + DemoScenario.UNAUTHORIZED_INSTRUMENT
                    + "&currency=" + DemoScenario.CURRENCY + "&interval=1d");
            row(text, "", settlement + "/api/v1/feeds/volumes?party=MNG   " + settlement + "/api/v1/instruments");
            row(text, "", settlement + "/api/v1/feeds/stream (server-sent events)");
            row(text, "webhooks", "receiver http://127.0.0.1:" + settings.webhookPort() + WebhookReceiver.PATH
                    + " (one line per delivery); endpoints " + settlement + "/api/v1/webhooks");
        } else {
            row(text, "settlement", "not started (not in this checkout)");
        }
        row(text, "ledger", registry + "/api/v1/ledger/head   " + registry + "/api/v1/reports/summary");
        StringBuilder health = new StringBuilder();
        for (ServiceProcess service : services) {
            health.append(service.name()).append(" http://").append(settings.clientHost()).append(':')
                    .append(service.managementPort()).append("/q/health   ");
        }
        row(text, "health", health + "(management ports; /q/metrics too)");
        row(text, "PostgreSQL", "localhost:" + postgres.port() + ", databases " + Infrastructure.REGISTRY_DATABASE + " and "
                + Infrastructure.SETTLEMENT_DATABASE + ", user " + postgres.user() + " (" + postgres.jdbcUrl() + ")");
        row(text, "", "roles " + roles(Infrastructure.registryDatabase(postgres)) + "; "
                + roles(Infrastructure.settlementDatabase(postgres)));
        row(text, "Kafka", kafka.bootstrapServers() + ", topic " + Infrastructure.LEDGER_TOPIC);
        row(text, "traces", traces());
        row(text, "data", folder.root().toString());
        row(text, "logs", folder.logs().toString());
        text.append("\nBearer tokens of the demo actors, valid until ")
                .append(DateTimeFormatter.ISO_LOCAL_DATE.format(tokensExpire.atZone(ZoneOffset.UTC)))
                .append(", also in ").append(folder.tokensFile()).append(":\n");
        for (DemoActor actor : actors) {
            text.append("\n  # ").append(actor.description()).append('\n')
                    .append("  ").append(actor.variable()).append('=').append(tokens.get(actor.variable())).append('\n');
        }
        text.append("\nTry:\n")
                .append("  source ").append(folder.tokensFile()).append('\n')
                .append("  curl -H \"Authorization: Bearer $JCM_TOKEN_SAKURA_TRADING\" ").append(registry)
                .append("/api/v1/accounts/").append(ids.japaneseAccount()).append("/holdings\n");
        if (withSettlement) {
            text.append("  curl ").append(settlement).append("/api/v1/feeds/trades\n");
        }
        return text.toString();
    }

    private static String swagger(String base, boolean available) {
        return available ? "Swagger UI " + base + "/q/swagger-ui"
                : "Swagger UI not in this build (needs quarkus.swagger-ui.always-include=true)";
    }

    /** A database's owner (migrations) and service role (the running service), for the summary. */
    /** Where the traces are: the launcher's receiver, a collector, or none. */
    private String traces() {
        StackSettings.Observability observability = settings.observability();
        if (observability.tracePort() > 0) {
            String receiver = "http://127.0.0.1:" + observability.tracePort() + TraceReceiver.VIEW_PATH;
            return receiver + "   (one trace per request, through the writer and Kafka into settlement; spans also in "
                    + folder.logs().resolve("traces.jsonl") + ")";
        }
        return observability.otlpEndpoint().isEmpty() ? "off (--no-traces)" : "sent to " + observability.otlpEndpoint();
    }

    private static String roles(ServiceDatabase database) {
        return database.name() + ": owner " + database.owner().user() + ", service " + database.service().user();
    }

    private static void row(StringBuilder text, String label, String value) {
        text.append(String.format(Locale.ROOT, "  %-13s %s%n", label, value));
    }
}
