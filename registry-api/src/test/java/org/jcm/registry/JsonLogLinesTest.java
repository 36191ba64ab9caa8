package org.jcm.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.json.runtime.JsonFormatter;
import java.util.logging.Level;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * With {@code QUARKUS_LOG_CONSOLE_JSON_ENABLED=true} (docs/operations.md, "Logs") the console
 * handler formats records with quarkus-logging-json's formatter: each record, even one whose
 * message spans lines and carries an exception, is one line that parses as a JSON object with
 * the level, logger and message a log collector needs. No Quarkus application is started.
 */
class JsonLogLinesTest {

    @Test
    void a_multi_line_record_with_an_exception_is_one_parseable_json_line() throws Exception {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, "first line\nsecond \"quoted\" line",
                JsonLogLinesTest.class.getName());
        record.setLoggerName("org.jcm.registry.write.Ledger");
        record.setThrown(new IllegalStateException("the cause"));

        String out = new JsonFormatter().format(record);

        assertThat(out).endsWith("\n");
        assertThat(out.substring(0, out.length() - 1)).doesNotContain("\n");
        JsonNode line = new ObjectMapper().readTree(out);
        assertThat(line.path("level").asText()).isEqualTo("WARNING");
        assertThat(line.path("loggerName").asText()).isEqualTo("org.jcm.registry.write.Ledger");
        assertThat(line.path("message").asText()).isEqualTo("first line\nsecond \"quoted\" line");
        assertThat(line.path("timestamp").asText()).isNotEmpty();
        assertThat(line.path("exception").toString()).contains("the cause");
    }
}
