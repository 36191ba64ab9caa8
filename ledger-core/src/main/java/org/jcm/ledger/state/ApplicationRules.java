package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.util.function.Supplier;
import org.jcm.ledger.command.ChangeParticipants;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.ConsentParticipantChange;
import org.jcm.ledger.command.ResubmitProjectIdea;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.SubmitDesign;
import org.jcm.ledger.command.SubmitProjectIdea;
import org.jcm.ledger.command.WithdrawApplication;
import org.jcm.ledger.event.ApplicationSubmitted;
import org.jcm.ledger.event.ApplicationWithdrawn;
import org.jcm.ledger.event.DesignSubmitted;
import org.jcm.ledger.event.ParticipantChangeProposed;
import org.jcm.ledger.event.ParticipantsChanged;
import org.jcm.ledger.event.ProjectIdeaResubmitted;
import org.jcm.ledger.id.ApplicationId;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Participants;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectIdea;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * Rules for the applicant's steps of a project application: submitting and resubmitting the
 * Project Idea Note, submitting the design, withdrawing, and changing participants (with the
 * representative's consent when its proxy asks). The applicant is an account holder of the
 * representative participant or of its proxy. Checks run in the precedence order of
 * {@link Rejection}.
 */
final class ApplicationRules {

    private ApplicationRules() {
    }

    static Outcome submit(LedgerData s, SubmitProjectIdea c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.ACCOUNT_HOLDER);
        if (r == null) {
            r = organizations(s, c.participants());
        }
        if (r == null) {
            r = ideaReferences(s, c.idea());
        }
        if (r == null && !c.participants().actsForApplicant(ctx.actor().scope())) {
            r = reject(Rejection.NOT_THE_APPLICANT, "organization " + ctx.actor().scope()
                    + " is neither the representative participant nor its proxy");
        }
        if (r == null) {
            r = ideaRules(s, c.idea());
        }
        if (r == null && s.applications.size() >= ApplicationId.MAX_NUMBER) {
            throw new IllegalStateException("application numbers are exhausted");
        }
        return r != null ? r : accept(new ApplicationSubmitted(s.nextSeq, ctx.at(), ctx.actor(),
                ApplicationId.of(s.applications.size() + 1L), c.idea(), c.participants()));
    }

    static Outcome resubmit(LedgerData s, ResubmitProjectIdea c, CommandContext ctx) {
        Applicant a = applicant(s, c.applicationId(), ctx, () -> ideaReferences(s, c.idea()));
        Outcome r = a.rejected != null ? a.rejected : a.notApplicant(ctx);
        if (r == null) {
            r = ideaRules(s, c.idea());
        }
        if (r == null) {
            r = step(a.application, ApplicationState.PIN_RETURNED);
        }
        return r != null ? r : accept(new ProjectIdeaResubmitted(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(), c.idea()));
    }

    static Outcome submitDesign(LedgerData s, SubmitDesign c, CommandContext ctx) {
        Applicant a = applicant(s, c.applicationId(), ctx, () -> null);
        Outcome r = a.rejected != null ? a.rejected : a.notApplicant(ctx);
        if (r == null) {
            r = document(c.documents(), DocumentKind.PDD, "the project design document");
        }
        if (r == null && a.application.state() != ApplicationState.DESIGN_RETURNED) {
            r = step(a.application, ApplicationState.PIN_CONFIRMED);
        }
        return r != null ? r : accept(new DesignSubmitted(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(), c.documents()));
    }

    static Outcome withdraw(LedgerData s, WithdrawApplication c, CommandContext ctx) {
        Applicant a = applicant(s, c.applicationId(), ctx, () -> null);
        Outcome r = a.rejected != null ? a.rejected : a.notApplicant(ctx);
        if (r == null && (a.application.state().ended() || a.application.state() == ApplicationState.REGISTERED)) {
            r = reject(Rejection.APPLICATION_WRONG_STEP, "application " + c.applicationId() + " is "
                    + a.application.state() + "; only an application not yet registered can be withdrawn");
        }
        return r != null ? r : accept(new ApplicationWithdrawn(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(), c.reasons()));
    }

    /** At once when the representative asks; pending the representative's consent when the proxy does. */
    static Outcome changeParticipants(LedgerData s, ChangeParticipants c, CommandContext ctx) {
        Applicant a = applicant(s, c.applicationId(), ctx, () -> organizations(s, c.participants()));
        Outcome r = a.rejected != null ? a.rejected : a.notApplicant(ctx);
        if (r == null) {
            r = notEnded(a.application);
        }
        if (r != null) {
            return r;
        }
        boolean representative = a.application.participants().representative().value().equals(ctx.actor().scope());
        return accept(representative
                ? new ParticipantsChanged(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(), c.participants())
                : new ParticipantChangeProposed(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(), c.participants()));
    }

    static Outcome consent(LedgerData s, ConsentParticipantChange c, CommandContext ctx) {
        Applicant a = applicant(s, c.applicationId(), ctx, () -> null);
        Outcome r = a.rejected;
        if (r == null && !a.application.participants().representative().value().equals(ctx.actor().scope())) {
            r = reject(Rejection.CONSENT_REQUIRED, "only an account holder of the representative participant "
                    + a.application.participants().representative() + " consents to a participant change");
        }
        if (r == null) {
            r = notEnded(a.application);
        }
        if (r == null && a.application.pendingParticipants().isEmpty()) {
            r = reject(Rejection.APPLICATION_WRONG_STEP, "no participant change of " + c.applicationId() + " waits for consent");
        }
        return r != null ? r : accept(new ParticipantsChanged(s.nextSeq, ctx.at(), ctx.actor(), c.applicationId(),
                a.application.pendingParticipants().get()));
    }

    /**
     * forbidden_role (account holders only), then what {@code references} finds unknown (Parties,
     * organizations, methodology: they come before applications in precedence), then
     * unknown_application; otherwise the application.
     */
    private static Applicant applicant(LedgerData s, ApplicationId id, CommandContext ctx, Supplier<Outcome> references) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.ACCOUNT_HOLDER);
        if (r == null) {
            r = references.get();
        }
        if (r != null) {
            return new Applicant(null, r);
        }
        Application a = s.applications.get(id);
        return a == null ? new Applicant(null, reject(Rejection.UNKNOWN_APPLICATION, "application " + id + " does not exist"))
                : new Applicant(a, null);
    }

    /** The application the command acts on, or the rejection found before it could be named. */
    private record Applicant(Application application, Outcome rejected) {
        Outcome notApplicant(CommandContext ctx) {
            return application.participants().actsForApplicant(ctx.actor().scope()) ? null
                    : reject(Rejection.NOT_THE_APPLICANT, "organization " + ctx.actor().scope() + " acts for neither "
                    + application.participants().representative() + " nor its proxy on " + application.id());
        }
    }

    /** unknown_organization: every participant and the proxy are registered. */
    private static Outcome organizations(LedgerData s, Participants p) {
        for (OrganizationId o : p.all()) {
            if (!s.organizations.containsKey(o)) {
                return reject(Rejection.UNKNOWN_ORGANIZATION, "organization " + o + " is not registered");
            }
        }
        return null;
    }

    /** unknown_party (a host), unknown_methodology. */
    private static Outcome ideaReferences(LedgerData s, ProjectIdea idea) {
        for (PartyCode host : idea.hostParties()) {
            if (!s.parties.containsKey(host)) {
                return reject(Rejection.UNKNOWN_PARTY, "host Party " + host + " is not registered");
            }
        }
        if (!s.methodologies.containsKey(idea.methodologyId())) {
            return reject(Rejection.UNKNOWN_METHODOLOGY, "methodology " + idea.methodologyId() + " is not registered");
        }
        return null;
    }

    /**
     * methodology_not_of_host (the methodology is the first host's), scope_not_in_agreement (every
     * host's agreement covers its scope), methodology_not_approved, missing_document (a PIN),
     * host_not_jcm_partner (every host).
     */
    private static Outcome ideaRules(LedgerData s, ProjectIdea idea) {
        Methodology m = s.methodologies.get(idea.methodologyId());
        if (!m.hostParty().equals(idea.firstHost())) {
            return reject(Rejection.METHODOLOGY_NOT_OF_HOST, "methodology " + m.id() + " is of " + m.hostParty()
                    + ", not of the first host " + idea.firstHost());
        }
        for (PartyCode host : idea.hostParties()) {
            if (!s.parties.get(host).covers(m.scope())) {
                return reject(Rejection.SCOPE_NOT_IN_AGREEMENT, "sectoral scope " + m.scope().number() + " of " + m.id()
                        + " is not in " + host + "'s JCM agreement");
            }
        }
        if (!m.isApproved()) {
            return reject(Rejection.METHODOLOGY_NOT_APPROVED, "methodology " + m.id() + " is " + m.status() + ", not APPROVED");
        }
        Outcome r = document(idea.documents(), DocumentKind.PIN, "the Project Idea Note");
        if (r != null) {
            return r;
        }
        for (PartyCode host : idea.hostParties()) {
            Party p = s.parties.get(host);
            if (p.jcmStatus() != JcmStatus.PARTNER) {
                return reject(Rejection.HOST_NOT_JCM_PARTNER, "host Party " + host + " is not a JCM partner (its JCM status is "
                        + p.jcmStatus() + ")");
            }
        }
        return null;
    }

    /** missing_document: the step's required kind is among the documents. */
    static Outcome document(java.util.List<DocumentRef> documents, DocumentKind kind, String what) {
        return DocumentRef.hasKind(documents, kind) ? null
                : reject(Rejection.MISSING_DOCUMENT, "the documents must include " + what + " (kind " + kind + ")");
    }

    /** application_wrong_step unless the application is in {@code expected}. */
    static Outcome step(Application a, ApplicationState expected) {
        return a.state() == expected ? null : reject(Rejection.APPLICATION_WRONG_STEP, "application " + a.id() + " is "
                + a.state() + ", not " + expected);
    }

    private static Outcome notEnded(Application a) {
        return a.state().ended() ? reject(Rejection.APPLICATION_WRONG_STEP, "application " + a.id() + " is " + a.state()) : null;
    }
}
