package org.jcm.bench.harness;

import java.util.concurrent.CompletionStage;

/** Sends the {@code index}-th request of a phase and completes with its outcome; never completes exceptionally. */
@FunctionalInterface
interface Target {

    CompletionStage<Outcome> send(long index);
}
