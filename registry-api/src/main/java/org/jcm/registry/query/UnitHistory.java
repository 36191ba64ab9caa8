package org.jcm.registry.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.AuthorizationAmended;
import org.jcm.ledger.event.AuthorizationRevoked;
import org.jcm.ledger.event.BlockRange;
import org.jcm.ledger.event.CorrespondingAdjustmentApplied;
import org.jcm.ledger.event.CreditsCancelled;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.CreditsRetired;
import org.jcm.ledger.event.CreditsTransferred;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.FirstTransferRecorded;
import org.jcm.ledger.event.IssuedAllocation;
import org.jcm.ledger.event.LedgerEvent;
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
        String at = EventCodec.formatTime(event.at());
        Map<String, Object> details = new LinkedHashMap<>();
        if (event instanceof CreditsIssued e) {
            return issued(e, at, asked, details);
        }
        HolderView from = null;
        HolderView to = null;
        List<BlockRange> ranges;
        if (event instanceof CreditsTransferred e) {
            from = BlockRows.holder(e.fromAccountId().value());
            to = BlockRows.holder(e.toAccountId().value());
            ranges = e.ranges();
        } else if (event instanceof CreditsCancelled e) {
            from = BlockRows.holder(e.fromAccountId().value());
            to = BlockRows.holder(e.toAccountId().value());
            details.put("reason", e.reason().name());
            ranges = e.ranges();
        } else if (event instanceof CreditsRetired e) {
            from = BlockRows.holder(e.fromAccountId().value());
            to = BlockRows.holder(e.toAccountId().value());
            details.put("purpose", e.purpose().name());
            // Beneficiary, using Party and year of use are what a retirement statement publishes.
            e.beneficiary().ifPresent(v -> details.put("beneficiary", v));
            e.usingParty().ifPresent(v -> details.put("usingParty", v.value()));
            e.yearOfUse().ifPresent(v -> details.put("yearOfUse", v.getValue()));
            ranges = e.ranges();
        } else if (event instanceof UnitsAuthorized e) {
            details.put("authorizationId", e.authorizationId().value());
            details.put("version", 1);
            details.put("party", e.party().value());
            details.put("cooperativeApproachId", e.cooperativeApproachId().value());
            details.put("purpose", e.purpose().name());
            e.oimp().ifPresent(v -> details.put("oimp", v));
            e.firstTransferDefinition().ifPresent(v -> details.put("firstTransferDefinition", v.name()));
            ranges = e.ranges();
        } else if (event instanceof AuthorizationAmended e) {
            details.put("authorizationId", e.authorizationId().value());
            details.put("version", e.version());
            ranges = e.ranges();
        } else if (event instanceof AuthorizationRevoked e) {
            details.put("authorizationId", e.authorizationId().value());
            ranges = e.ranges();
        } else if (event instanceof FirstTransferRecorded e) {
            details.put("authorizationId", e.authorizationId().value());
            details.put("trigger", e.trigger().name());
            details.put("causeSeq", e.causeSeq());
            details.put("transferringParty", e.transferringParty().value());
            e.acquiringParty().ifPresent(v -> details.put("acquiringParty", v.value()));
            ranges = e.ranges();
        } else if (event instanceof CorrespondingAdjustmentApplied e) {
            details.put("party", e.party().value());
            details.put("year", e.year().getValue());
            details.put("method", e.method().name());
            ranges = e.ranges();
        } else {
            // Only events with unit ranges are indexed in event_units; anything else is a bug there.
            throw new IllegalStateException("Event " + event.seq() + " (" + event.type() + ") names no units");
        }
        List<String> serials = new ArrayList<>();
        long quantity = 0;
        for (BlockRange range : ranges) {
            if (asked.overlaps(range.hostParty().value(), range.vintage().year(), range.first(), range.last())) {
                serials.add(range.serial().format());
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
                String serial = BlockRows.serial(e.projectId().value(), e.vintage().year(), allocation.first(),
                        allocation.last());
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
