package org.jcm.faults;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jcm.embedded.EmbeddedKafkaBroker;

/**
 * Runs only the embedded Kafka broker, in a JVM of its own so that the harness can kill it with
 * SIGKILL: {@code BrokerMain PORT LOG_DIRECTORY TOPIC}. Prints {@code ready} once the topic exists.
 */
public final class BrokerMain {

    static final String READY = "ready";

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        int port = Integer.parseInt(args[0]);
        Path logs = Path.of(args[1]);
        String topic = args[2];
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(port).logDirectory(logs).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "broker-stop"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        System.out.println(READY);
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
