package org.jcm.bench.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a run was asked to do.
 *
 * @param projectDirectory the checkout (services' jars, docs, git commit)
 * @param dataFolder the stack's data folder, wiped at the start
 * @param portBase registry-api's port; settlement, PostgreSQL and Kafka take the next three
 * @param measure measured time of each phase
 * @param warmup warm-up before each phase
 * @param jitWarmup load before the first scenario (half spread transfers, half mixed), not counted
 * @param pgbenchSeconds pgbench's measured time (0: skip pgbench)
 * @param scenarios which scenarios to run
 * @param clients closed-loop clients of the single-request scenarios
 * @param batchClients closed-loop clients of the transfer-batch scenario
 * @param batchSize transfers per batch
 * @param connections the load generator's connection pool
 * @param openFraction the open-loop rate as a fraction of the closed-loop peak
 * @param holdingsRate open-loop rate of the holdings scenario
 * @param holdingsLimit page size of holdings reads (0: the API's default)
 * @param organizations holding organizations
 * @param accounts accounts transfers spread over
 * @param withSettlement whether to start settlement too
 * @param serviceJavaOptions JVM options of the services
 * @param progressEvery how often a progress line is printed
 * @param writeDocs whether to write the result into the docs page
 * @param docs the docs page
 * @param commandLine the command as typed, for the report
 */
record BenchOptions(Path projectDirectory, Path dataFolder, int portBase, Duration measure, Duration warmup, Duration jitWarmup, int pgbenchSeconds,
                    Set<String> scenarios, int clients, int batchClients, int batchSize, int connections, double openFraction,
                    int holdingsRate, int holdingsLimit, int organizations, int accounts, boolean withSettlement,
                    List<String> serviceJavaOptions, Duration progressEvery, boolean writeDocs, Path docs, String commandLine) {

    /** Every scenario, in the order they run. */
    static final List<String> SCENARIOS = List.of("spread", "batch", "hot", "issuance", "holdings", "mixed");
}
