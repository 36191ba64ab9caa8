package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.ResubmitMonitoringReport;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.SubmitMonitoringReport;
import org.jcm.ledger.command.VerifyMonitoringReport;
import org.jcm.ledger.event.MonitoringReportReviewed;
import org.jcm.ledger.event.MonitoringReportSubmitted;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.MonitoringCycleId;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.Quantity;

/**
 * Rules for monitoring cycles of projects registered on the route: the applicant submits (and,
 * after a return, resubmits) the monitoring report of one period; an accredited entity other than
 * the validator verifies it. Checks run in the precedence order of {@link Rejection}.
 */
final class MonitoringRules {

    private MonitoringRules() {
    }

    static Outcome submit(LedgerData s, SubmitMonitoringReport c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.ACCOUNT_HOLDER);
        if (r == null && !s.projects.containsKey(c.projectId())) {
            r = reject(Rejection.UNKNOWN_PROJECT, "project " + c.projectId() + " is not registered");
        }
        ApplicationId id = r == null ? s.projectApplications.get(c.projectId()) : null;
        if (r == null && id == null) {
            r = reject(Rejection.UNKNOWN_APPLICATION, "project " + c.projectId()
                    + " was registered without an application; its participants request issuance as before the route");
        }
        Application a = id == null ? null : s.applications.get(id);
        if (r == null) {
            r = report(s, a, ctx, null, c.periodStart(), c.periodEnd(), c.documents());
        }
        return r != null ? r : accept(new MonitoringReportSubmitted(s.nextSeq, ctx.at(), ctx.actor(),
                MonitoringCycleId.of(s.monitoringCycles.size() + 1L), c.projectId(), c.periodStart(), c.periodEnd(),
                c.claimedQuantity().tonnes(), c.documents()));
    }

    static Outcome resubmit(LedgerData s, ResubmitMonitoringReport c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.ACCOUNT_HOLDER);
        MonitoringCycle cycle = r == null ? s.monitoringCycles.get(c.monitoringCycleId()) : null;
        if (r == null && cycle == null) {
            r = unknown(c.monitoringCycleId());
        }
        if (r == null) {
            r = report(s, s.applications.get(cycle.applicationId()), ctx, cycle, c.periodStart(), c.periodEnd(), c.documents());
        }
        return r != null ? r : accept(new MonitoringReportSubmitted(s.nextSeq, ctx.at(), ctx.actor(), cycle.id(), cycle.projectId(),
                c.periodStart(), c.periodEnd(), c.claimedQuantity().tonnes(), c.documents()));
    }

    /**
     * not_the_applicant, missing_document (a monitoring report), monitoring_period_too_long,
     * invalid_monitoring_period, application_wrong_step (a resubmission of a cycle not returned),
     * monitoring_period_overlap (with another cycle of the project not rejected).
     */
    private static Outcome report(LedgerData s, Application a, CommandContext ctx, MonitoringCycle resubmitted, LocalDate start,
                                  LocalDate end, List<DocumentRef> documents) {
        if (!a.participants().actsForApplicant(ctx.actor().scope())) {
            return reject(Rejection.NOT_THE_APPLICANT, "organization " + ctx.actor().scope() + " acts for neither "
                    + a.participants().representative() + " nor its proxy on " + a.projectId().orElseThrow());
        }
        Outcome r = ApplicationRules.document(documents, DocumentKind.MONITORING_REPORT, "the monitoring report");
        if (r != null) {
            return r;
        }
        Methodology m = s.methodologies.get(a.idea().methodologyId());
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        if (m.maxMonitoringDays().isPresent() && days > m.maxMonitoringDays().get()) {
            return reject(Rejection.MONITORING_PERIOD_TOO_LONG, "the period has " + days + " days; methodology " + m.id()
                    + " allows at most " + m.maxMonitoringDays().get());
        }
        if (start.isAfter(end)) {
            return reject(Rejection.INVALID_MONITORING_PERIOD, "the monitoring period ends before it starts");
        }
        if (resubmitted != null && resubmitted.state() != MonitoringCycleState.REPORT_RETURNED) {
            return reject(Rejection.APPLICATION_WRONG_STEP, "monitoring cycle " + resubmitted.id() + " is " + resubmitted.state()
                    + ", not REPORT_RETURNED");
        }
        ProjectId project = a.projectId().orElseThrow();
        for (MonitoringCycle other : s.monitoringCycles.values()) {
            if (other.projectId().equals(project) && other != resubmitted && other.state() != MonitoringCycleState.REJECTED
                    && other.overlaps(start, end)) {
                return reject(Rejection.MONITORING_PERIOD_OVERLAP, "monitoring cycle " + other.id() + " of " + project + " covers "
                        + other.periodStart() + " to " + other.periodEnd());
            }
        }
        return null;
    }

    /**
     * forbidden_role, unknown_third_party_entity, unknown_monitoring_cycle, tpe_not_accredited,
     * same_tpe_for_validation_and_verification, reasons_required, missing_document (a verification
     * report when positive), verified_exceeds_claimed, application_wrong_step.
     */
    static Outcome verify(LedgerData s, VerifyMonitoringReport c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.THIRD_PARTY_ENTITY);
        ThirdPartyEntity tpe = r == null ? ApplicationReviews.entity(s, ctx.actor().scope()) : null;
        if (r == null && tpe == null) {
            r = reject(Rejection.UNKNOWN_THIRD_PARTY_ENTITY, "third-party entity " + ctx.actor().scope() + " is not accredited here");
        }
        MonitoringCycle cycle = r == null ? s.monitoringCycles.get(c.monitoringCycleId()) : null;
        if (r == null && cycle == null) {
            r = unknown(c.monitoringCycleId());
        }
        Application a = cycle == null ? null : s.applications.get(cycle.applicationId());
        if (r == null) {
            r = ApplicationReviews.accredited(s, tpe, a);
        }
        if (r == null && a.validator().equals(Optional.of(tpe.id()))
                && !s.methodologies.get(a.idea().methodologyId()).sameEntityMayVerify()) {
            r = reject(Rejection.SAME_TPE_FOR_VALIDATION_AND_VERIFICATION, tpe.id() + " validated " + cycle.projectId()
                    + "; another entity verifies it (methodology " + a.idea().methodologyId() + " does not allow the same one)");
        }
        if (r == null) {
            r = ApplicationReviews.reasons(c.verdict(), c.reasons());
        }
        if (r == null && c.verdict() == ReviewVerdict.ACCEPT) {
            r = ApplicationRules.document(c.documents(), DocumentKind.VERIFICATION_REPORT, "the verification report");
        }
        if (r == null && c.verifiedQuantity().isPresent() && c.verifiedQuantity().get().tonnes() > cycle.claimedQuantity()) {
            r = reject(Rejection.VERIFIED_EXCEEDS_CLAIMED, "verified " + c.verifiedQuantity().get() + " but the report claims "
                    + cycle.claimedQuantity());
        }
        if (r == null && cycle.state() != MonitoringCycleState.REPORT_SUBMITTED) {
            r = reject(Rejection.APPLICATION_WRONG_STEP, "monitoring cycle " + cycle.id() + " is " + cycle.state()
                    + ", not REPORT_SUBMITTED");
        }
        return r != null ? r : accept(new MonitoringReportReviewed(s.nextSeq, ctx.at(), ctx.actor(), cycle.id(), c.verdict(),
                c.verifiedQuantity().map(Quantity::tonnes), c.reasons(), c.documents()));
    }

    private static Outcome unknown(MonitoringCycleId id) {
        return reject(Rejection.UNKNOWN_MONITORING_CYCLE, "monitoring cycle " + id + " does not exist");
    }
}
