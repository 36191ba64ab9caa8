package org.jcm.registry.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountFrozen;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.AccountUnfrozen;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.PendingTransferApproved;
import org.jcm.ledger.event.PendingTransferCancelled;
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.PendingTransferExpired;
import org.jcm.ledger.event.TransferPended;
import org.jcm.ledger.event.TransferPolicySet;
import org.jcm.ledger.event.TrustedAccountAdded;
import org.jcm.ledger.event.TrustedAccountRemoved;
import org.jcm.ledger.event.PartyRegistered;
import org.jcm.ledger.event.PartyUpdated;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.ProposalApproved;
import org.jcm.ledger.event.ProposalExpired;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.event.ProposalRejected;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.registry.api.HolderView;
import org.jcm.registry.api.UnitEvent;

/**
 * Turns a stored event into its public history entry: the event's unit ranges that include asked
 * units, the kinds of account the units moved between, and the fields of the event that the
 * public may see. What is left out (account ids, actors, memos, notes, trade terms) is listed in
 * {@code docs/api.md}.
 */
final class UnitHistory {

    private UnitHistory() {
    }

    /** The public entry of an event, read from its stored canonical JSON. */
    @SuppressWarnings("unchecked")
    static UnitEvent entry(String eventJson, AskedUnits asked) {
        LedgerEvent event = EventCodec.fromJson((Map<String, Object>) Json.parse(eventJson));
        return event.accept(new Entry(EventCodec.formatTime(event.at()), asked));
    }

    /**
     * The entry of each event type, with the fields of the event the public may see. Events
     * without unit ranges are never indexed in {@code event_units}: finding one here is a bug there.
     */
    private static final class Entry implements LedgerEvent.Visitor<UnitEvent> {
        private final String at;
        private final AskedUnits asked;

        Entry(String at, AskedUnits asked) {
            this.at = at;
            this.asked = asked;
        }

        @Override
        public UnitEvent visitPartyRegistered(PartyRegistered e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitPartyUpdated(PartyUpdated e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitRegistryRegistered(RegistryRegistered e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitOrganizationRegistered(OrganizationRegistered e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitAccountOpened(AccountOpened e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitAccountFrozen(AccountFrozen e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitAccountUnfrozen(AccountUnfrozen e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitAccountClosed(AccountClosed e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitProjectRegistered(ProjectRegistered e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitIssuanceRequested(IssuanceRequested e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitCreditsIssued(CreditsIssued e) {
            return issued(e, at, asked, new LinkedHashMap<>());
        }

        @Override
        public UnitEvent visitCreditsTransferred(CreditsTransferred e) {
            Map<String, Object> details = new LinkedHashMap<>();
            HolderView from = BlockRows.holder(e.fromAccountId().value());
            HolderView to = BlockRows.holder(e.toAccountId().value());
            return ranged(e, at, asked, from, to, e.ranges(), details);
        }

        @Override
        public UnitEvent visitCreditsCancelled(CreditsCancelled e) {
            Map<String, Object> details = new LinkedHashMap<>();
            HolderView from = BlockRows.holder(e.fromAccountId().value());
            HolderView to = BlockRows.holder(e.toAccountId().value());
            details.put("reason", e.reason().name());
            return ranged(e, at, asked, from, to, e.ranges(), details);
        }

        /** A stated name as {@code beneficiary}, a registered organization as {@code beneficiaryOrganizationId}; and the kind. */
        private static void beneficiary(Beneficiary b, Map<String, Object> details) {
            if (b instanceof Beneficiary.Organization o) {
                details.put("beneficiaryKind", "ORGANIZATION");
                details.put("beneficiaryOrganizationId", o.organizationId().value());
            } else if (b instanceof Beneficiary.Stated s) {
                details.put("beneficiaryKind", "STATED");
                details.put("beneficiary", s.name());
            }
        }

        @Override
        public UnitEvent visitCreditsRetired(CreditsRetired e) {
            Map<String, Object> details = new LinkedHashMap<>();
            HolderView from = BlockRows.holder(e.fromAccountId().value());
            HolderView to = BlockRows.holder(e.toAccountId().value());
            details.put("purpose", e.purpose().name());
            // Beneficiary, using Party and year of use are what a retirement statement publishes.
            e.beneficiary().ifPresent(v -> beneficiary(v, details));
            e.usingParty().ifPresent(v -> details.put("usingParty", v.value()));
            e.yearOfUse().ifPresent(v -> details.put("yearOfUse", v.getValue()));
            return ranged(e, at, asked, from, to, e.ranges(), details);
        }

        @Override
        public UnitEvent visitUnitsAuthorized(UnitsAuthorized e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("authorizationId", e.authorizationId().value());
            details.put("version", 1);
            details.put("party", e.party().value());
            details.put("cooperativeApproachId", e.cooperativeApproachId().value());
            details.put("purpose", e.purpose().name());
            e.oimp().ifPresent(v -> details.put("oimp", v));
            e.firstTransferDefinition().ifPresent(v -> details.put("firstTransferDefinition", v.name()));
            return ranged(e, at, asked, null, null, e.ranges(), details);
        }

        @Override
        public UnitEvent visitAuthorizationAmended(AuthorizationAmended e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("authorizationId", e.authorizationId().value());
            details.put("version", e.version());
            return ranged(e, at, asked, null, null, e.ranges(), details);
        }

        @Override
        public UnitEvent visitAuthorizationRevoked(AuthorizationRevoked e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("authorizationId", e.authorizationId().value());
            return ranged(e, at, asked, null, null, e.ranges(), details);
        }

        @Override
        public UnitEvent visitFirstTransferRecorded(FirstTransferRecorded e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("authorizationId", e.authorizationId().value());
            details.put("trigger", e.trigger().name());
            details.put("causeSeq", e.causeSeq());
            details.put("transferringParty", e.transferringParty().value());
            e.acquiringParty().ifPresent(v -> details.put("acquiringParty", v.value()));
            return ranged(e, at, asked, null, null, e.ranges(), details);
        }

        @Override
        public UnitEvent visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied e) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("party", e.party().value());
            details.put("year", e.year().getValue());
            details.put("method", e.method().name());
            return ranged(e, at, asked, null, null, e.ranges(), details);
        }

        @Override
        public UnitEvent visitTransferPolicySet(TransferPolicySet e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitTrustedAccountAdded(TrustedAccountAdded e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitTrustedAccountRemoved(TrustedAccountRemoved e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitTransferPended(TransferPended e) {
            return namesNoUnits(e); // reserved units did not move: not indexed in event_units
        }

        @Override
        public UnitEvent visitPendingTransferApproved(PendingTransferApproved e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitPendingTransferExecuted(PendingTransferExecuted e) {
            // The transfer it executes: the same public entry as a direct transfer.
            Map<String, Object> details = new LinkedHashMap<>();
            HolderView from = BlockRows.holder(e.fromAccountId().value());
            HolderView to = BlockRows.holder(e.toAccountId().value());
            return ranged(e, at, asked, from, to, e.ranges(), details);
        }

        @Override
        public UnitEvent visitPendingTransferCancelled(PendingTransferCancelled e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitPendingTransferExpired(PendingTransferExpired e) {
            return namesNoUnits(e); // only events with unit ranges are indexed in event_units
        }

        @Override
        public UnitEvent visitProposalMade(ProposalMade e) {
            return namesNoUnits(e); // proposals are not indexed in event_units: the public sees what happened, not what is pending
        }

        @Override
        public UnitEvent visitProposalApproved(ProposalApproved e) {
            return namesNoUnits(e); // the approved action's own events are the ones indexed
        }

        @Override
        public UnitEvent visitProposalRejected(ProposalRejected e) {
            return namesNoUnits(e); // names no units
        }

        @Override
        public UnitEvent visitProposalExpired(ProposalExpired e) {
            return namesNoUnits(e); // names no units
        }

        @Override
        public UnitEvent visitProjectCycleEvent(org.jcm.ledger.event.ProjectCycleEvent e) {
            return namesNoUnits(e); // the project cycle names no units
        }
    }

    private static UnitEvent namesNoUnits(LedgerEvent event) {
        throw new IllegalStateException("Event " + event.seq() + " (" + event.type() + ") names no units");
    }

    /** The entry of an event with unit ranges: those that include asked units, and their total. */
    private static UnitEvent ranged(LedgerEvent event, String at, AskedUnits asked, HolderView from, HolderView to,
                                    List<BlockRange> ranges, Map<String, Object> details) {
        List<String> serials = new ArrayList<>();
        long quantity = 0;
        for (BlockRange range : ranges) {
            if (asked.overlaps(range.hostParty().value(), range.vintage().year(), range.first(), range.last())) {
                serials.add(asked.serial(range.projectId().value(), range.first(), range.last()));
                quantity += range.size();
            }
        }
        return new UnitEvent(event.seq(), event.type(), at, serials, quantity, from, to, details.isEmpty() ? null : details);
    }

    private static UnitEvent issued(CreditsIssued e, String at, AskedUnits asked, Map<String, Object> details) {
        List<String> serials = new ArrayList<>();
        List<Map<String, Object>> allocations = new ArrayList<>();
        long quantity = 0;
        for (IssuedAllocation allocation : e.allocations()) {
            if (asked.overlaps(e.hostParty().value(), e.vintage().year(), allocation.first(), allocation.last())) {
                String serial = asked.serial(e.projectId().value(), allocation.first(), allocation.last());
                serials.add(serial);
                quantity += allocation.quantity();
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("serial", serial);
                entry.put("registryId", allocation.issuingRegistryId().value());
                allocations.add(entry);
            }
        }
        details.put("issuanceId", e.issuanceId().value());
        details.put("projectId", e.projectId().value());
        details.put("monitoringPeriodStart", e.monitoringPeriodStart().toString());
        details.put("monitoringPeriodEnd", e.monitoringPeriodEnd().toString());
        details.put("totalQuantity", e.totalQuantity());
        details.put("allocations", allocations);
        return new UnitEvent(e.seq(), e.type(), at, serials, quantity, null, null, details);
    }
}
