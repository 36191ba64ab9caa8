package org.jcm.registry.outbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;

/**
 * Creates a topic with one partition unless it exists: the ledger's events and its checkpoints
 * each keep one total order, which several partitions would lose.
 */
public final class OnePartitionTopic {

    private static final Logger LOG = Logger.getLogger(OnePartitionTopic.class);

    private OnePartitionTopic() {
    }

    /** Makes sure {@code topic} exists, asking as {@code clientId}; throws if Kafka cannot say or create it. */
    public static void ensure(Map<String, Object> kafkaConfig, String clientId, String topic) throws Exception {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put("client.id", clientId);
        config.put("request.timeout.ms", 10_000);
        config.put("default.api.timeout.ms", 15_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get(15, TimeUnit.SECONDS);
            if (topics.contains(topic)) {
                return;
            }
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all()
                        .get(15, TimeUnit.SECONDS);
                LOG.infof("Created topic %s with one partition", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
