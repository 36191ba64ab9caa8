package org.jcm.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests that the embedded broker is a real broker: topics, consumer groups, stop, restart and close. */
class EmbeddedKafkaBrokerTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void a_record_travels_from_producer_to_a_consumer_group() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start()) {
            String servers = broker.bootstrapServers();
            assertThat(servers).isEqualTo("localhost:" + broker.port());
            KafkaClients.createTopic(servers, "jcm.ledger.events");
            KafkaClients.produce(servers, "jcm.ledger.events", List.of("seq-1", "seq-2", "seq-3"));

            List<String> received = KafkaClients.consume(servers, "jcm.ledger.events", "settlement", 3, TIMEOUT);

            assertThat(received).containsExactly("seq-1", "seq-2", "seq-3");
            assertThat(KafkaClients.committedOffset(servers, "settlement", "jcm.ledger.events")).isEqualTo(3);
        }
    }

    @Test
    void a_stopped_broker_restarts_on_its_port_with_its_data(@TempDir Path directory) throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().logDirectory(directory.resolve("kafka")).start()) {
            int port = broker.port();
            KafkaClients.createTopic(broker.bootstrapServers(), "kept");
            KafkaClients.produce(broker.bootstrapServers(), "kept", List.of("before-stop"));

            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            assertThat(acceptsConnections(port)).isFalse();

            broker.restart();
            assertThat(broker.port()).isEqualTo(port);
            KafkaClients.produce(broker.bootstrapServers(), "kept", List.of("after-restart"));
            assertThat(KafkaClients.consume(broker.bootstrapServers(), "kept", "reader", 2, TIMEOUT))
                    .containsExactly("before-stop", "after-restart");
        }
    }

    @Test
    void a_persistent_log_directory_survives_close_and_a_new_broker_on_a_fixed_port(@TempDir Path directory)
            throws Exception {
        Path logs = directory.resolve("kafka");
        int port;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().logDirectory(logs).start()) {
            port = broker.port();
            KafkaClients.createTopic(broker.bootstrapServers(), "kept");
            KafkaClients.produce(broker.bootstrapServers(), "kept", List.of("first-life"));
        }
        assertThat(logs.resolve("meta.properties")).exists();

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(port).logDirectory(logs).start()) {
            assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
            assertThat(KafkaClients.consume(broker.bootstrapServers(), "kept", "reader", 1, TIMEOUT))
                    .containsExactly("first-life");
        }
    }

    @Test
    void closing_a_broker_deletes_its_temporary_log_directory_and_frees_its_port() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().start();
        Path logs = broker.logDirectory();
        assertThat(logs.resolve("meta.properties")).exists();
        assertThat(acceptsConnections(broker.port())).isTrue();

        broker.close();

        assertThat(logs).doesNotExist();
        assertThat(acceptsConnections(broker.port())).isFalse();
        assertThat(broker.isClosed()).isTrue();
    }

    private static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1_000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
