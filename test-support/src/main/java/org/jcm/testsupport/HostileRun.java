package org.jcm.testsupport;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.jcm.testsupport.HostileHttp.Answer;
import org.jcm.testsupport.HostileHttp.Case;

/**
 * One run of a service's hostile-requests test: sends each generated probe (a request sent just
 * before it, if any, then the request), checks every answer with {@link HostileHttp#check} and the
 * probe's own expectation, and keeps the failures and the count of each status. Both services'
 * tests drive their probes through it, so sending, checking and counting are written once.
 */
public final class HostileRun {

    /**
     * One generated probe: the request, a request sent just before it (for replays) or null, and
     * what the answer must be beyond "below 500, refused as a problem" (the test's own names), or null.
     */
    public record Probe(Case first, Case c, String expected) {
    }

    private final Set<String> failures = new LinkedHashSet<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private int ran;

    /**
     * Sends the probe's first request, if it has one, and records what is wrong with its answer.
     *
     * @return the first request's status, or 0 when the probe has none
     */
    public int sendFirst(Probe probe) {
        if (probe.first() == null) {
            return 0;
        }
        Answer first = HostileHttp.send(probe.first());
        fail(HostileHttp.check(probe.first(), first));
        return first.statusCode();
    }

    /**
     * Sends the probe's request, counts its status, and records what is wrong with the answer: what
     * {@link HostileHttp#check} finds, else what {@code unexpected} finds given the probe (null for nothing).
     */
    public Answer send(Probe probe, BiFunction<Probe, Answer, String> unexpected) {
        Answer response = HostileHttp.send(probe.c());
        ran++;
        statuses.merge(response.statusCode(), 1, Integer::sum);
        String problem = HostileHttp.check(probe.c(), response);
        fail(problem != null ? problem : unexpected.apply(probe, response));
        return response;
    }

    /** Records a failure; null records nothing. */
    public void fail(String failure) {
        if (failure != null) {
            failures.add(failure);
        }
    }

    /** The failures so far, each once, in the order found. */
    public Set<String> failures() {
        return failures;
    }

    /** How many answers had each status. */
    public Map<Integer, Integer> statuses() {
        return statuses;
    }

    /** How many probes were sent (not counting their first requests). */
    public int ran() {
        return ran;
    }
}
