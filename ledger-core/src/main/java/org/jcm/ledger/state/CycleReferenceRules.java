package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.accept;
import static org.jcm.ledger.state.StateMachine.reject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jcm.ledger.command.AccreditThirdPartyEntity;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.RegisterMethodology;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.UpdateMethodology;
import org.jcm.ledger.command.UpdateThirdPartyEntity;
import org.jcm.ledger.event.MethodologyRegistered;
import org.jcm.ledger.event.MethodologyUpdated;
import org.jcm.ledger.event.ThirdPartyEntityAccredited;
import org.jcm.ledger.event.ThirdPartyEntityUpdated;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Methodology;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;
import org.jcm.ledger.id.ThirdPartyEntity;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;

/**
 * Rules for the project cycle's reference data: a Party's signing date and sectoral scopes, the
 * registry of methodologies (kept by each Joint Committee's secretariat) and the accreditation of
 * third-party entities (kept by the operator).
 */
final class CycleReferenceRules {

    private CycleReferenceRules() {
    }

    /**
     * invalid_signing_date: a partner carries the date its partnership document was signed, not
     * after today (UTC); a candidate and Japan carry none.
     */
    static Outcome.Rejected signingDate(Party p, CommandContext ctx) {
        if (p.jcmStatus() == JcmStatus.PARTNER) {
            if (p.jcmSigningDate().isEmpty()) {
                return reject(Rejection.INVALID_SIGNING_DATE, "partner " + p.code() + " needs the date its JCM partnership document was signed");
            }
            LocalDate today = LocalDate.ofInstant(ctx.at(), ZoneOffset.UTC);
            if (p.jcmSigningDate().get().isAfter(today)) {
                return reject(Rejection.INVALID_SIGNING_DATE, "signing date " + p.jcmSigningDate().get() + " is in the future");
            }
        } else if (p.jcmSigningDate().isPresent()) {
            return reject(Rejection.INVALID_SIGNING_DATE, p.code() + " has JCM status " + p.jcmStatus()
                    + " and so no signing date; only a partner has one");
        }
        return null;
    }

    /** scope_in_use: no scope leaves the Party's agreement while an APPROVED methodology of the Party uses it. */
    static Outcome.Rejected scopesInUse(LedgerData s, Party updated) {
        for (Methodology m : s.methodologies.values()) {
            if (m.isApproved() && m.hostParty().equals(updated.code()) && !updated.covers(m.scope())) {
                return reject(Rejection.SCOPE_IN_USE, "sectoral scope " + m.scope().number() + " is used by approved methodology "
                        + m.id() + " of " + updated.code());
            }
        }
        return null;
    }

    static Outcome registerMethodology(LedgerData s, RegisterMethodology c, CommandContext ctx) {
        Methodology m = c.methodology();
        Outcome r = methodologyChecks(s, m, ctx, true);
        return r != null ? r : accept(new MethodologyRegistered(s.nextSeq, ctx.at(), ctx.actor(), m));
    }

    static Outcome updateMethodology(LedgerData s, UpdateMethodology c, CommandContext ctx) {
        Methodology m = c.methodology();
        Outcome r = methodologyChecks(s, m, ctx, false);
        return r != null ? r : accept(new MethodologyUpdated(s.nextSeq, ctx.at(), ctx.actor(), m));
    }

    /**
     * forbidden_role, unknown_party (the host) or unknown_methodology (an update), forbidden_scope
     * (the secretariat of another JC), methodology_already_registered, methodology_not_of_host,
     * host_not_jcm_partner, scope_not_in_agreement.
     */
    private static Outcome methodologyChecks(LedgerData s, Methodology m, CommandContext ctx, boolean isNew) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.JC_SECRETARIAT);
        if (r != null) {
            return r;
        }
        Party host = s.parties.get(m.hostParty());
        if (host == null) {
            return reject(Rejection.UNKNOWN_PARTY, "host Party " + m.hostParty() + " is not registered");
        }
        Methodology old = s.methodologies.get(m.id());
        if (!isNew && old == null) {
            return reject(Rejection.UNKNOWN_METHODOLOGY, "methodology " + m.id() + " is not registered");
        }
        if (!ctx.actor().scope().equals(host.code().value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor is the secretariat of the JC with " + ctx.actor().scope()
                    + ", not with " + host.code());
        }
        if (isNew && old != null) {
            return reject(Rejection.METHODOLOGY_ALREADY_REGISTERED, "methodology " + m.id() + " is already registered");
        }
        if (!m.hostIso2().equals(host.iso2()) || (old != null && !old.hostParty().equals(m.hostParty()))) {
            return reject(Rejection.METHODOLOGY_NOT_OF_HOST, "methodology " + m.id() + " must begin with " + host.iso2()
                    + " and keep its host");
        }
        if (host.jcmStatus() != JcmStatus.PARTNER) {
            return reject(Rejection.HOST_NOT_JCM_PARTNER, host.code() + " is not a JCM partner; it has no Joint Committee");
        }
        if (!host.covers(m.scope())) {
            return reject(Rejection.SCOPE_NOT_IN_AGREEMENT, "sectoral scope " + m.scope().number() + " is not in "
                    + host.code() + "'s JCM agreement");
        }
        return null;
    }

    static Outcome accredit(LedgerData s, AccreditThirdPartyEntity c, CommandContext ctx) {
        Outcome r = entityChecks(s, c.entity(), ctx);
        if (r != null) {
            return r;
        }
        if (s.thirdPartyEntities.containsKey(c.entity().id())) {
            return reject(Rejection.THIRD_PARTY_ENTITY_ALREADY_ACCREDITED, "third-party entity " + c.entity().id() + " is already accredited");
        }
        return accept(new ThirdPartyEntityAccredited(s.nextSeq, ctx.at(), ctx.actor(), c.entity()));
    }

    static Outcome updateEntity(LedgerData s, UpdateThirdPartyEntity c, CommandContext ctx) {
        Outcome r = entityChecks(s, c.entity(), ctx);
        if (r != null) {
            return r;
        }
        if (!s.thirdPartyEntities.containsKey(c.entity().id())) {
            return reject(Rejection.UNKNOWN_THIRD_PARTY_ENTITY, "third-party entity " + c.entity().id() + " is not accredited here");
        }
        return accept(new ThirdPartyEntityUpdated(s.nextSeq, ctx.at(), ctx.actor(), c.entity()));
    }

    /** forbidden_role (operator only), unknown_party (a host Party of the accreditation). */
    private static Outcome entityChecks(LedgerData s, ThirdPartyEntity e, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.OPERATOR);
        if (r != null) {
            return r;
        }
        for (PartyCode host : e.hostParties()) {
            if (!s.parties.containsKey(host)) {
                return reject(Rejection.UNKNOWN_PARTY, "host Party " + host + " of the accreditation is not registered");
            }
        }
        return null;
    }

    /** Whether the Party's agreement covers the scope (unknown Parties cover nothing). */
    static boolean covers(LedgerData s, PartyCode party, SectoralScope scope) {
        Party p = s.parties.get(party);
        return p != null && p.covers(scope);
    }
}
