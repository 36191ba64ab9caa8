package org.jcm.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The faults of issue 9, in the order they run. */
public enum Fault {
    REGISTRY_KILL("registry-kill", "kill -9 registry-api mid-batch, restart it"),
    BROKER_KILL("broker-kill", "kill -9 the Kafka broker, keep writing, restart it"),
    POSTGRES_IMMEDIATE("postgres-immediate", "immediate shutdown of PostgreSQL (SIGQUIT to the postmaster), restart it"),
    SETTLEMENT_KILL("settlement-kill", "kill -9 settlement, restart it"),
    WRITER_TAKEOVER("writer-takeover", "two registry-api instances on one database; kill -9 the writer, the standby takes over");

    private final String id;
    private final String description;

    Fault(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    /** Faults by id, in the order named; "all" (or nothing) means every fault in the order above. */
    public static List<Fault> parse(List<String> names) {
        if (names == null || names.isEmpty() || names.contains("all")) {
            return List.of(values());
        }
        List<Fault> faults = new ArrayList<>();
        for (String name : names) {
            Fault found = null;
            for (Fault fault : values()) {
                if (fault.id.equals(name.toLowerCase(Locale.ROOT))) {
                    found = fault;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("Unknown fault '" + name + "'; known: all, "
                        + String.join(", ", java.util.Arrays.stream(values()).map(Fault::id).toList()));
            }
            faults.add(found);
        }
        return faults;
    }
}
