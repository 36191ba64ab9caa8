package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.DecideRegistration;
import org.jcm.ledger.command.ReviewProjectIdea;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.ValidateDesign;
import org.jcm.ledger.event.ApplicationReviewed;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.ReviewStep;
import org.jcm.ledger.id.ReviewVerdict;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.id.ThirdPartyEntityId;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * Rules for the reviewers' steps of a project application: a host government's review of the
 * Project Idea Note, a third-party entity's validation of the design, and the Joint Committee's
 * registration decision recorded by the JC secretariat of the first host. Each reviewer accepts,
 * returns for revision or rejects (reasons required for both). Checks run in the precedence order
 * of {@link Rejection}.
 */
final class ApplicationReviews {

    private ApplicationReviews() {
    }

    /** A host government confirms (the application moves on when the last host confirms), returns or rejects. */
    static Outcome reviewIdea(LedgerData s, ReviewProjectIdea c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.GOVERNMENT);
        Application a = null;
        if (r == null) {
            a = s.applications.get(c.applicationId());
            r = a == null ? unknown(c.applicationId()) : null;
        }
        if (r == null && !a.idea().hostParties().contains(new PartyCode(ctx.actor().scope()))) {
            r = reject(Rejection.NOT_THE_REVIEWER, "the government of " + ctx.actor().scope() + " is not a host of " + a.id()
                    + " (hosts " + a.idea().hostParties() + ")");
        }
        if (r == null) {
            r = reasons(c.verdict(), c.reasons());
        }
        if (r == null) {
            r = ApplicationRules.step(a, ApplicationState.PIN_SUBMITTED);
        }
        if (r == null && c.verdict() == ReviewVerdict.ACCEPT && a.confirmedBy().contains(new PartyCode(ctx.actor().scope()))) {
            r = reject(Rejection.APPLICATION_WRONG_STEP, ctx.actor().scope() + " already confirmed this submission of " + a.id()
                    + "; it waits for " + a.idea().hostParties());
        }
        return r != null ? r : accept(new ApplicationReviewed(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(),
                ReviewStep.PROJECT_IDEA, c.verdict(), Optional.empty(), c.reasons(), c.documents()));
    }

    /** An accredited, active entity validates (with its report), returns or rejects the design. */
    static Outcome validate(LedgerData s, ValidateDesign c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.THIRD_PARTY_ENTITY);
        ThirdPartyEntity tpe = null;
        if (r == null) {
            tpe = entity(s, ctx.actor().scope());
            r = tpe == null ? reject(Rejection.UNKNOWN_THIRD_PARTY_ENTITY, "third-party entity " + ctx.actor().scope()
                    + " is not accredited here") : null;
        }
        Application a = null;
        if (r == null) {
            a = s.applications.get(c.applicationId());
            r = a == null ? unknown(c.applicationId()) : null;
        }
        if (r == null) {
            r = accredited(s, tpe, a);
        }
        if (r == null) {
            r = reasons(c.verdict(), c.reasons());
        }
        if (r == null && c.verdict() == ReviewVerdict.ACCEPT) {
            r = ApplicationRules.document(c.documents(), DocumentKind.VALIDATION_REPORT, "the validation report");
        }
        if (r == null) {
            r = ApplicationRules.step(a, ApplicationState.DESIGN_SUBMITTED);
        }
        return r != null ? r : accept(new ApplicationReviewed(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(),
                ReviewStep.VALIDATION, c.verdict(), Optional.empty(), c.reasons(), c.documents()));
    }

    /**
     * The JC secretariat of the first host records the Joint Committee's decision. Registering
     * also writes {@code ProjectRegistered}: the next project id of the first host, in the first
     * host's registry (Japan's when the first host has none here).
     */
    static Outcome decideRegistration(LedgerData s, DecideRegistration c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.JC_SECRETARIAT);
        Application a = null;
        if (r == null) {
            a = s.applications.get(c.applicationId());
            r = a == null ? unknown(c.applicationId()) : null;
        }
        boolean register = c.verdict() == ReviewVerdict.ACCEPT;
        RegistryState registry = null;
        if (r == null && register) {
            registry = registryOf(s, a.firstHost());
            r = registry == null ? reject(Rejection.UNKNOWN_REGISTRY, "neither " + a.firstHost()
                    + " nor Japan has a registry here to record the project in") : null;
        }
        if (r == null && !a.firstHost().value().equals(ctx.actor().scope())) {
            r = reject(Rejection.NOT_THE_REVIEWER, "the secretariat of the JC with " + ctx.actor().scope()
                    + " does not decide " + a.id() + "; the JC with its first host " + a.firstHost() + " does");
        }
        if (r == null) {
            r = reasons(c.verdict(), c.reasons());
        }
        ProjectId project = null;
        if (r == null && register) {
            long next = nextProjectNumber(s, s.parties.get(a.firstHost()).iso2());
            r = next > 999 ? reject(Rejection.PROJECT_NUMBERING_EXHAUSTED, a.firstHost() + " already has project "
                    + s.parties.get(a.firstHost()).iso2() + "999") : null;
            project = r == null ? new ProjectId(s.parties.get(a.firstHost()).iso2() + String.format("%03d", next)) : null;
        }
        if (r == null) {
            r = ApplicationRules.step(a, ApplicationState.VALIDATED);
        }
        if (r != null) {
            return r;
        }
        LedgerEvent decided = new ApplicationReviewed(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(), ReviewStep.REGISTRATION,
                c.verdict(), Optional.of(c.decisionReference()), c.reasons(), c.documents());
        if (!register) {
            return accept(decided);
        }
        return new Outcome.Accepted(List.of(decided, new ProjectRegistered(s.nextSeq + 1, ctx.at(), ctx.actor(), project,
                a.firstHost(), registry.id, a.idea().title(), a.idea().methodologyId(), a.participants().participants(),
                Optional.of(a.id()), a.idea().hostParties(), Optional.of(a.idea().financing()))));
    }

    /** tpe_not_accredited: active, and accredited for the methodology's scope in every host. */
    static Outcome accredited(LedgerData s, ThirdPartyEntity tpe, Application a) {
        Methodology m = s.methodologies.get(a.idea().methodologyId());
        if (tpe.status() != org.jcm.ledger.id.AccreditationStatus.ACTIVE) {
            return reject(Rejection.TPE_NOT_ACCREDITED, "third-party entity " + tpe.id() + " is " + tpe.status());
        }
        for (PartyCode host : a.idea().hostParties()) {
            if (!tpe.accreditedFor(m.scope(), host)) {
                return reject(Rejection.TPE_NOT_ACCREDITED, "third-party entity " + tpe.id() + " is not accredited for sectoral scope "
                        + m.scope().number() + " in " + host);
            }
        }
        return null;
    }

    static ThirdPartyEntity entity(LedgerData s, String scope) {
        try {
            return s.thirdPartyEntities.get(ThirdPartyEntityId.parse(scope));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** reasons_required: a return or a rejection gives its reasons. */
    static Outcome reasons(ReviewVerdict verdict, List<String> reasons) {
        return verdict != ReviewVerdict.ACCEPT && reasons.isEmpty()
                ? reject(Rejection.REASONS_REQUIRED, "a " + verdict.name().toLowerCase(java.util.Locale.ROOT) + " must give its reasons")
                : null;
    }

    static Outcome unknown(ApplicationId id) {
        return reject(Rejection.UNKNOWN_APPLICATION, "application " + id + " does not exist");
    }

    /** The first host's registry here (the lowest id), else Japan's; null if neither has one. */
    private static RegistryState registryOf(LedgerData s, PartyCode host) {
        RegistryState own = null;
        RegistryState japan = null;
        for (RegistryState r : s.registries.values()) {
            if (r.party.equals(host) && (own == null || r.id.value().compareTo(own.id.value()) < 0)) {
                own = r;
            } else if (r.party.isJapan() && (japan == null || r.id.value().compareTo(japan.id.value()) < 0)) {
                japan = r;
            }
        }
        return own != null ? own : japan;
    }

    /** One more than the highest project number of the alpha-2 code (1 for the first). */
    private static long nextProjectNumber(LedgerData s, String iso2) {
        long max = 0;
        for (ProjectId p : s.projects.keySet()) {
            if (p.hostIso2().equals(iso2)) {
                max = Math.max(max, Long.parseLong(p.value().substring(2)));
            }
        }
        return max + 1;
    }
}
