package org.jcm.ledger.state;

import static org.jcm.ledger.state.StateMachine.reject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jcm.ledger.command.AmendAuthorization;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.RevokeAuthorization;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.AuthorizationTerms;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.rule.Rejection;
import org.jcm.ledger.serial.BlockSerial;

/** Article 6.2 rules (docs/domain.md section 5): authorization, amendment, revocation ({@link AdjustmentRules}: corresponding adjustment). */
final class Article6Rules {

    private Article6Rules() {
    }

    /** The units a command names: by issuance or by serial ranges, each with its host Party and vintage. */
    private record Named(Optional<Issuance> issuance, List<BlockSerial> serials) {
        long count() {
            return issuance.isPresent() ? issuance.get().totalQuantity() : Units.total(serials);
        }
    }

    static Outcome authorize(LedgerData s, AuthorizeUnits c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.GOVERNMENT);
        if (r != null) {
            return r;
        }
        Party party = s.parties.get(c.party());
        if (party == null) {
            return reject(Rejection.UNKNOWN_PARTY, "Party " + c.party() + " is not registered");
        }
        Object named = named(s, c.issuanceId(), c.serialRanges());
        if (named instanceof Outcome o) {
            return o;
        }
        Named units = (Named) named;
        if (!ctx.actor().scope().equals(c.party().value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor acts for " + ctx.actor().scope() + ", not " + c.party());
        }
        if (s.authorizations.containsKey(c.authorizationId())) {
            return reject(Rejection.AUTHORIZATION_ALREADY_EXISTS, "authorization " + c.authorizationId() + " already exists");
        }
        r = Units.overlapping(s, c.serialRanges());
        if (r != null) {
            return r;
        }
        if (!party.parisAgreementParty()) {
            return reject(Rejection.PARTY_NOT_PARIS_AGREEMENT_PARTY, c.party() + " is not a Party to the Paris Agreement and cannot authorize");
        }
        if (party.cooperativeApproachId().isEmpty() || !party.cooperativeApproachId().get().equals(c.cooperativeApproachId())) {
            return reject(Rejection.COOPERATIVE_APPROACH_MISMATCH, "the cooperative approach of " + c.party() + " is "
                    + party.cooperativeApproachId().map(Object::toString).orElse("not configured") + ", not " + c.cooperativeApproachId());
        }
        AuthorizationTerms terms = new AuthorizationTerms(c.authorizedQuantity(), c.vintages(), c.authorizedEntities());
        r = unitRules(s, c.party(), units, terms, 0);
        if (r != null) {
            return r;
        }
        List<Units.Piece> pieces = new ArrayList<>();
        r = authorizablePieces(s, units, pieces);
        if (r != null) {
            return r;
        }
        long seq = s.nextSeq;
        List<LedgerEvent> events = new ArrayList<>();
        events.add(new UnitsAuthorized(seq, ctx.at(), ctx.actor(), c.authorizationId(), c.party(), c.cooperativeApproachId(),
                c.purpose(), c.oimp(), c.firstTransferDefinition(), terms, c.issuanceId(), Units.ranges(pieces)));
        firstTransfersAtAuthorization(c.authorizationId(), c.purpose(), c.firstTransferDefinition(), pieces, seq, ctx, events);
        return new Outcome.Accepted(events);
    }

    static Outcome amend(LedgerData s, AmendAuthorization c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.GOVERNMENT);
        if (r != null) {
            return r;
        }
        AuthorizationState auth = s.authorizations.get(c.authorizationId());
        if (auth == null) {
            return reject(Rejection.UNKNOWN_AUTHORIZATION, "authorization " + c.authorizationId() + " does not exist");
        }
        Object named = named(s, c.issuanceId(), c.serialRanges());
        if (named instanceof Outcome o) {
            return o;
        }
        Named units = (Named) named;
        if (!ctx.actor().scope().equals(auth.party.value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor acts for " + ctx.actor().scope() + ", not " + auth.party);
        }
        r = Units.overlapping(s, c.serialRanges());
        if (r != null) {
            return r;
        }
        AuthorizationTerms old = auth.terms;
        AuthorizationTerms terms = new AuthorizationTerms(
                c.authorizedQuantity().isPresent() ? c.authorizedQuantity() : old.authorizedQuantity(),
                c.vintages().orElse(old.vintages()), c.authorizedEntities().orElse(old.authorizedEntities()));
        r = unitRules(s, auth.party, units, terms, auth.unitCount);
        if (r != null) {
            return r;
        }
        for (BlockRange existing : auth.ranges) {
            if (!terms.allowsVintage(existing.vintage())) {
                return reject(Rejection.VINTAGE_NOT_AUTHORIZED, "the authorization already covers vintage " + existing.vintage()
                        + ", which the new vintages leave out");
            }
        }
        if (auth.revoked) {
            return reject(Rejection.AUTHORIZATION_REVOKED, "authorization " + auth.id + " was revoked");
        }
        List<Units.Piece> pieces = new ArrayList<>();
        r = authorizablePieces(s, units, pieces);
        if (r != null) {
            return r;
        }
        long seq = s.nextSeq;
        List<LedgerEvent> events = new ArrayList<>();
        events.add(new AuthorizationAmended(seq, ctx.at(), ctx.actor(), auth.id, auth.versions.size() + 1, terms,
                c.issuanceId(), Units.ranges(pieces), c.reason()));
        firstTransfersAtAuthorization(auth.id, auth.purpose, auth.firstTransferDefinition, pieces, seq, ctx, events);
        return new Outcome.Accepted(events);
    }

    static Outcome revoke(LedgerData s, RevokeAuthorization c, CommandContext ctx) {
        Outcome r = ReferenceRules.role(ctx.actor(), Role.GOVERNMENT);
        if (r != null) {
            return r;
        }
        AuthorizationState auth = s.authorizations.get(c.authorizationId());
        if (auth == null) {
            return reject(Rejection.UNKNOWN_AUTHORIZATION, "authorization " + c.authorizationId() + " does not exist");
        }
        if (!ctx.actor().scope().equals(auth.party.value())) {
            return reject(Rejection.FORBIDDEN_SCOPE, "the actor acts for " + ctx.actor().scope() + ", not " + auth.party);
        }
        if (auth.firstTransferredUnits > 0) {
            return reject(Rejection.ALREADY_FIRST_TRANSFERRED, auth.firstTransferredUnits + " units of " + auth.id
                    + " were first transferred; it can no longer be revoked");
        }
        if (auth.revoked) {
            return reject(Rejection.AUTHORIZATION_REVOKED, "authorization " + auth.id + " was already revoked");
        }
        List<Units.Piece> pieces = new ArrayList<>();
        for (BlockRange named : auth.ranges) {
            Units.collect(s, named, pieces);
        }
        return StateMachine.accept(new AuthorizationRevoked(s.nextSeq, ctx.at(), ctx.actor(), auth.id, Units.ranges(pieces),
                c.reason()));
    }

    /** unknown_issuance / unknown_project for the units a command names; the {@link Named} units otherwise. */
    private static Object named(LedgerData s, Optional<IssuanceId> issuanceId, List<BlockSerial> serials) {
        Optional<Issuance> issuance = Optional.empty();
        if (issuanceId.isPresent()) {
            Issuance i = s.issuances.get(issuanceId.get());
            if (i == null) {
                return reject(Rejection.UNKNOWN_ISSUANCE, "issuance " + issuanceId.get() + " does not exist");
            }
            issuance = Optional.of(i);
        }
        Outcome.Rejected r = Units.unknownProjects(s, serials);
        return r != null ? r : new Named(issuance, serials);
    }

    /** not_host_party, vintage_not_authorized, authorization_cap_exceeded: what the named units may be. */
    private static Outcome.Rejected unitRules(LedgerData s, PartyCode party, Named units, AuthorizationTerms terms,
                                              long alreadyAuthorized) {
        if (units.issuance().isPresent()) {
            Issuance i = units.issuance().get();
            if (!i.hostParty().equals(party)) {
                return reject(Rejection.NOT_HOST_PARTY, "issuance " + i.id() + " is of a project hosted by " + i.hostParty());
            }
        }
        for (BlockSerial serial : units.serials()) {
            PartyCode host = Units.host(s, serial);
            if (!host.equals(party)) {
                return reject(Rejection.NOT_HOST_PARTY, "units " + serial + " are hosted by " + host + ", not " + party);
            }
        }
        if (units.issuance().isPresent() && !terms.allowsVintage(units.issuance().get().vintage())) {
            return reject(Rejection.VINTAGE_NOT_AUTHORIZED, "issuance " + units.issuance().get().id() + " is of vintage "
                    + units.issuance().get().vintage() + ", outside " + terms.vintages());
        }
        for (BlockSerial serial : units.serials()) {
            if (!terms.allowsVintage(serial.vintage())) {
                return reject(Rejection.VINTAGE_NOT_AUTHORIZED, "units " + serial + " are of vintage " + serial.vintage()
                        + ", outside " + terms.vintages());
            }
        }
        long total = alreadyAuthorized + units.count();
        if (terms.authorizedQuantity().isPresent() && total > terms.authorizedQuantity().get().tonnes()) {
            return reject(Rejection.AUTHORIZATION_CAP_EXCEEDED, "the authorization would cover " + total
                    + " units, more than its authorized quantity " + terms.authorizedQuantity().get());
        }
        return null;
    }

    /** unknown_units, unit_not_active, already_authorized (in that order) for the named units; the pieces otherwise. */
    private static Outcome.Rejected authorizablePieces(LedgerData s, Named units, List<Units.Piece> pieces) {
        if (units.issuance().isPresent()) {
            Issuance i = units.issuance().get();
            for (IssuedAllocation a : i.allocations()) {
                Units.collect(s, new BlockRange(i.hostParty(), i.vintage(), i.projectId(), i.id(), a.issuingRegistryId(),
                        a.first(), a.last()), pieces);
            }
        }
        for (BlockSerial serial : units.serials()) {
            Outcome.Rejected r = Units.collect(s, serial, pieces);
            if (r != null) {
                return r;
            }
        }
        for (Units.Piece p : pieces) {
            if (p.block().status != BlockStatus.ACTIVE) {
                return reject(Rejection.UNIT_NOT_ACTIVE, "units " + p.serial(s) + " are " + p.block().status);
            }
        }
        for (Units.Piece p : pieces) {
            if (p.block().authorization != null) {
                return reject(Rejection.ALREADY_AUTHORIZED, "units " + p.serial(s) + " are already authorized by "
                        + p.block().authorization.id);
            }
        }
        return null;
    }

    /**
     * First transfers that happen at authorization: all units when the OIMP definition is
     * AUTHORIZATION or ISSUANCE (units here are always issued before they are authorized); for NDC,
     * the units already held in a registry of another Party, grouped by that Party.
     */
    private static void firstTransfersAtAuthorization(AuthorizationId id, AuthorizationPurpose purpose,
                                                      Optional<OimpFirstTransfer> definition, List<Units.Piece> pieces,
                                                      long causeSeq, CommandContext ctx, List<LedgerEvent> events) {
        Grouping grouping = new Grouping();
        OimpFirstTransfer def = purpose.includesOimp() ? definition.orElse(null) : null;
        if (def == OimpFirstTransfer.AUTHORIZATION || def == OimpFirstTransfer.ISSUANCE) {
            FirstTransferTrigger trigger = def == OimpFirstTransfer.AUTHORIZATION
                    ? FirstTransferTrigger.OIMP_AUTHORIZATION : FirstTransferTrigger.OIMP_ISSUANCE;
            for (Units.Piece p : pieces) {
                grouping.add(id, trigger, p.block().host, Optional.empty(), p.range());
            }
        } else if (purpose.includesNdc()) {
            for (Units.Piece p : pieces) {
                PartyCode holderParty = p.block().holder.party;
                if (!holderParty.equals(p.block().host)) {
                    grouping.add(id, FirstTransferTrigger.AUTHORIZATION_HELD_ABROAD, p.block().host, Optional.of(holderParty),
                            p.range());
                }
            }
        }
        grouping.emit(causeSeq, ctx, events);
    }
}
