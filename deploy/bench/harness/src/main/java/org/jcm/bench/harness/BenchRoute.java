package org.jcm.bench.harness;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JCM project cycle as the benchmark uses it (docs/project-cycle.md): the bodies of the route's
 * requests, and who sends them. Every issuance is the share the JC secretariat decided on a
 * monitoring cycle that a third-party entity verified, so each decision of the benchmark is a
 * monitoring cycle of one day: decision {@code d} is day {@code d / projects} from the first day of
 * its range, of project {@code d % projects} (a project's periods must not overlap), with the vintage
 * of that day.
 *
 * @param applicant the {@code Bearer} value of organization 1's account holders, the projects' applicant
 * @param verifier the verifying third-party entity's
 * @param secretariat Mongolia's JC secretariat's
 * @param document the SHA-256 of the uploaded PDF every step cites
 * @param projectIds the projects, registered on the route
 */
record BenchRoute(String applicant, String verifier, String secretariat, String document, List<String> projectIds) {

    static final String HOST = "MNG";
    static final String METHODOLOGY = "MN_AM001";
    static final String VALIDATOR = "TPE-0001";
    static final String VERIFIER = "TPE-0002";

    /** The project of decision {@code decision}. */
    String project(long decision) {
        return projectIds.get((int) (decision % projectIds.size()));
    }

    /** The one day of decision {@code decision}, counted from {@code first}. */
    LocalDate day(LocalDate first, long decision) {
        return first.plusDays(decision / projectIds.size());
    }

    /** One citation of the uploaded document as {@code kind}. */
    List<Object> cite(String kind) {
        return List.of(WorldBuilder.body("sha256", document, "kind", kind));
    }

    /** The monitoring report of a one-day period for {@code quantity} units. */
    Map<String, Object> report(String projectId, LocalDate day, long quantity) {
        return WorldBuilder.body("projectId", projectId, "periodStart", day.toString(), "periodEnd", day.toString(),
                "claimedQuantity", quantity, "documents", cite("MONITORING_REPORT"));
    }

    /** The verifier's positive verification of {@code quantity} units. */
    Map<String, Object> verification(long quantity) {
        return WorldBuilder.body("verdict", "ACCEPT", "verifiedQuantity", quantity, "reasons", List.of(),
                "documents", cite("VERIFICATION_REPORT"));
    }

    /** The JC secretariat's decision: one share of MNG01, numbered in Mongolia's line, with these allocations. */
    static Map<String, Object> decision(String registry, int vintage, List<Object> allocations, String reference) {
        return WorldBuilder.body("verdict", "ACCEPT", "decisionReference", reference, "shares", List.of(WorldBuilder.body(
                "registryId", registry, "numberingHost", HOST, "vintage", (long) vintage, "allocations", allocations)),
                "reasons", List.of(), "documents", List.of());
    }

    /** The registry administrator's issuance of a decided share, on its request. */
    static Map<String, Object> issuance(String issuanceId, String projectId, LocalDate day, List<Object> allocations, long total,
                                        String issuanceRequestId) {
        return WorldBuilder.body("issuanceId", issuanceId, "projectId", projectId, "monitoringPeriodStart", day.toString(),
                "monitoringPeriodEnd", day.toString(), "vintage", (long) day.getYear(), "totalQuantity", total,
                "allocations", allocations, "issuanceRequestId", issuanceRequestId);
    }

    /** An accepting review with no reasons and no documents (the PIN's confirmation). */
    static Map<String, Object> accept() {
        return WorldBuilder.body("verdict", "ACCEPT", "reasons", List.of(), "documents", List.of());
    }
}
