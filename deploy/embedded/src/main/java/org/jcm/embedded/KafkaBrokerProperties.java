package org.jcm.embedded;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration of the embedded single-node broker, with the reasons for each deviation from Kafka's defaults. */
final class KafkaBrokerProperties {

    private KafkaBrokerProperties() {
    }

    static Map<String, String> of(int nodeId, int port, int controllerPort, Path logDirectory, Map<String, String> overrides) {
        Map<String, String> p = new LinkedHashMap<>();
        // One process is both the broker and its own KRaft controller, with a static one-voter quorum.
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        p.put("controller.quorum.voters", nodeId + "@localhost:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDirectory.toString());
        p.put("metadata.log.dir", logDirectory.toString());
        // Internal topics default to three replicas; with one broker the group coordinator would
        // never come up and consumer groups would silently receive nothing.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        // A single consumer joins at once instead of waiting three seconds for others.
        p.put("group.initial.rebalance.delay.ms", "0");
        // After a kill the controller refuses the new incarnation until the old broker session
        // expires (nine seconds by default); heartbeats stay in-process, so a shorter session is safe.
        p.put("broker.session.timeout.ms", "4000");
        p.put("broker.heartbeat.interval.ms", "1000");
        // Modest threads and buffers: the machine is shared with builds and the services under test.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", Integer.toString(2 * 1024 * 1024));
        p.putAll(overrides);
        return p;
    }
}
