package org.jcm.ledger.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;

/**
 * Converts events to and from a plain JSON value tree: {@code Map<String, Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Long}, {@code Boolean}. The tree is what
 * the canonical encoding (RFC 8785) hashes and what the API and Kafka publish. Shape:
 * {@code {seq, type, at, actor: {role, subject, scope}, ...payload}}, flat; absent optionals are
 * omitted, never {@code null}. Conventions:
 * <ul>
 *   <li>{@code at}: RFC 3339 UTC with exactly three fraction digits, {@code 2025-04-01T09:30:00.000Z}.</li>
 *   <li>dates ({@code monitoringPeriodStart}...): ISO 8601 {@code 2024-01-31}; years and vintages: integers.</li>
 *   <li>ids, enum names, free text: strings; quantities and unit numbers: integers (at most 2^53 - 1).</li>
 *   <li>{@code pricePerTonne}: a plain decimal string with the scale given, e.g. {@code "1250.50"}.</li>
 *   <li>unit ranges: {@code {hostParty, vintage, projectId, issuanceId, issuingRegistryId, first, last}}.</li>
 * </ul>
 * {@link #fromJson(Map)} accepts any integral {@link Number} (Long, Integer, BigInteger, BigDecimal
 * with no fraction) and ignores nothing: unknown types or malformed fields throw
 * {@link EventFormatException}. Fields derived from others (e.g. {@code quantity} of a first
 * transfer) are written for readers and not read back.
 *
 * <p>This class is the dispatcher: the header, the type name to codec table and the visitor that
 * picks an event's codec. Each event type's encoding and decoding live side by side in
 * {@link ReferenceCodecs}, {@link CreditCodecs}, {@link Article6Codecs}, {@link TransferControlCodecs} or
 * {@link ProposalCodecs} or {@link ProjectCycleCodecs}; unit ranges in
 * {@link RangeJson}; the reading of fields in {@link JsonIn}.
 */
public final class EventCodec {

    /** The fixed time format of {@code at}: millisecond precision, UTC, 'Z'. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    /** Every event type's codec by its type name ({@link LedgerEvent#type()}): what {@link #fromJson} decodes. */
    private static final Map<String, TypeCodec<?>> CODECS = table(
            ReferenceCodecs.PARTY_REGISTERED, ReferenceCodecs.PARTY_UPDATED, ReferenceCodecs.REGISTRY_REGISTERED,
            ReferenceCodecs.ORGANIZATION_REGISTERED, ReferenceCodecs.ACCOUNT_OPENED, ReferenceCodecs.ACCOUNT_FROZEN,
            ReferenceCodecs.ACCOUNT_UNFROZEN, ReferenceCodecs.ACCOUNT_CLOSED, ReferenceCodecs.PROJECT_REGISTERED,
            CreditCodecs.ISSUANCE_REQUESTED, CreditCodecs.CREDITS_ISSUED, CreditCodecs.CREDITS_TRANSFERRED,
            CreditCodecs.CREDITS_CANCELLED, CreditCodecs.CREDITS_RETIRED,
            Article6Codecs.UNITS_AUTHORIZED, Article6Codecs.AUTHORIZATION_AMENDED, Article6Codecs.AUTHORIZATION_REVOKED,
            Article6Codecs.FIRST_TRANSFER_RECORDED, Article6Codecs.CORRESPONDING_ADJUSTMENT_APPLIED,
            TransferControlCodecs.TRANSFER_POLICY_SET, TransferControlCodecs.TRUSTED_ACCOUNT_ADDED,
            TransferControlCodecs.TRUSTED_ACCOUNT_REMOVED, TransferControlCodecs.TRANSFER_PENDED,
            TransferControlCodecs.PENDING_TRANSFER_APPROVED, TransferControlCodecs.PENDING_TRANSFER_EXECUTED,
            TransferControlCodecs.PENDING_TRANSFER_CANCELLED, TransferControlCodecs.PENDING_TRANSFER_EXPIRED,
            ProposalCodecs.PROPOSAL_MADE, ProposalCodecs.PROPOSAL_APPROVED, ProposalCodecs.PROPOSAL_REJECTED,
            ProposalCodecs.PROPOSAL_EXPIRED, ProjectCycleCodecs.METHODOLOGY_REGISTERED, ProjectCycleCodecs.METHODOLOGY_UPDATED,
            ProjectCycleCodecs.TPE_ACCREDITED, ProjectCycleCodecs.TPE_UPDATED,
            ApplicationCodecs.APPLICATION_SUBMITTED, ApplicationCodecs.PROJECT_IDEA_RESUBMITTED, ApplicationCodecs.DESIGN_SUBMITTED,
            ApplicationCodecs.APPLICATION_REVIEWED, ApplicationCodecs.APPLICATION_WITHDRAWN, ApplicationCodecs.PARTICIPANT_CHANGE_PROPOSED, ApplicationCodecs.PARTICIPANTS_CHANGED,
            MonitoringCodecs.REPORT_SUBMITTED, MonitoringCodecs.REPORT_REVIEWED, MonitoringCodecs.ISSUANCE_DECIDED);

    private EventCodec() {
    }

    private static Map<String, TypeCodec<?>> table(TypeCodec<?>... codecs) {
        Map<String, TypeCodec<?>> table = new HashMap<>();
        for (TypeCodec<?> codec : codecs) {
            if (table.put(codec.name(), codec) != null) {
                throw new IllegalStateException("two codecs for " + codec.name());
            }
        }
        return Map.copyOf(table);
    }

    /** The codec of each event type: a singleton visitor, so encoding allocates nothing to find it. */
    private static final LedgerEvent.Visitor<TypeCodec<?>> CODEC_OF = new LedgerEvent.Visitor<>() {
        @Override
        public TypeCodec<?> visitPartyRegistered(PartyRegistered event) {
            return ReferenceCodecs.PARTY_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitPartyUpdated(PartyUpdated event) {
            return ReferenceCodecs.PARTY_UPDATED;
        }

        @Override
        public TypeCodec<?> visitRegistryRegistered(RegistryRegistered event) {
            return ReferenceCodecs.REGISTRY_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitOrganizationRegistered(OrganizationRegistered event) {
            return ReferenceCodecs.ORGANIZATION_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitAccountOpened(AccountOpened event) {
            return ReferenceCodecs.ACCOUNT_OPENED;
        }

        @Override
        public TypeCodec<?> visitAccountFrozen(AccountFrozen event) {
            return ReferenceCodecs.ACCOUNT_FROZEN;
        }

        @Override
        public TypeCodec<?> visitAccountUnfrozen(AccountUnfrozen event) {
            return ReferenceCodecs.ACCOUNT_UNFROZEN;
        }

        @Override
        public TypeCodec<?> visitAccountClosed(AccountClosed event) {
            return ReferenceCodecs.ACCOUNT_CLOSED;
        }

        @Override
        public TypeCodec<?> visitProjectRegistered(ProjectRegistered event) {
            return ReferenceCodecs.PROJECT_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitIssuanceRequested(IssuanceRequested event) {
            return CreditCodecs.ISSUANCE_REQUESTED;
        }

        @Override
        public TypeCodec<?> visitCreditsIssued(CreditsIssued event) {
            return CreditCodecs.CREDITS_ISSUED;
        }

        @Override
        public TypeCodec<?> visitCreditsTransferred(CreditsTransferred event) {
            return CreditCodecs.CREDITS_TRANSFERRED;
        }

        @Override
        public TypeCodec<?> visitCreditsCancelled(CreditsCancelled event) {
            return CreditCodecs.CREDITS_CANCELLED;
        }

        @Override
        public TypeCodec<?> visitCreditsRetired(CreditsRetired event) {
            return CreditCodecs.CREDITS_RETIRED;
        }

        @Override
        public TypeCodec<?> visitUnitsAuthorized(UnitsAuthorized event) {
            return Article6Codecs.UNITS_AUTHORIZED;
        }

        @Override
        public TypeCodec<?> visitAuthorizationAmended(AuthorizationAmended event) {
            return Article6Codecs.AUTHORIZATION_AMENDED;
        }

        @Override
        public TypeCodec<?> visitAuthorizationRevoked(AuthorizationRevoked event) {
            return Article6Codecs.AUTHORIZATION_REVOKED;
        }

        @Override
        public TypeCodec<?> visitFirstTransferRecorded(FirstTransferRecorded event) {
            return Article6Codecs.FIRST_TRANSFER_RECORDED;
        }

        @Override
        public TypeCodec<?> visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied event) {
            return Article6Codecs.CORRESPONDING_ADJUSTMENT_APPLIED;
        }

        @Override
        public TypeCodec<?> visitTransferPolicySet(TransferPolicySet event) {
            return TransferControlCodecs.TRANSFER_POLICY_SET;
        }

        @Override
        public TypeCodec<?> visitTrustedAccountAdded(TrustedAccountAdded event) {
            return TransferControlCodecs.TRUSTED_ACCOUNT_ADDED;
        }

        @Override
        public TypeCodec<?> visitTrustedAccountRemoved(TrustedAccountRemoved event) {
            return TransferControlCodecs.TRUSTED_ACCOUNT_REMOVED;
        }

        @Override
        public TypeCodec<?> visitTransferPended(TransferPended event) {
            return TransferControlCodecs.TRANSFER_PENDED;
        }

        @Override
        public TypeCodec<?> visitPendingTransferApproved(PendingTransferApproved event) {
            return TransferControlCodecs.PENDING_TRANSFER_APPROVED;
        }

        @Override
        public TypeCodec<?> visitPendingTransferExecuted(PendingTransferExecuted event) {
            return TransferControlCodecs.PENDING_TRANSFER_EXECUTED;
        }

        @Override
        public TypeCodec<?> visitPendingTransferCancelled(PendingTransferCancelled event) {
            return TransferControlCodecs.PENDING_TRANSFER_CANCELLED;
        }

        @Override
        public TypeCodec<?> visitPendingTransferExpired(PendingTransferExpired event) {
            return TransferControlCodecs.PENDING_TRANSFER_EXPIRED;
        }

        @Override
        public TypeCodec<?> visitProposalMade(ProposalMade event) {
            return ProposalCodecs.PROPOSAL_MADE;
        }

        @Override
        public TypeCodec<?> visitProposalApproved(ProposalApproved event) {
            return ProposalCodecs.PROPOSAL_APPROVED;
        }

        @Override
        public TypeCodec<?> visitProposalRejected(ProposalRejected event) {
            return ProposalCodecs.PROPOSAL_REJECTED;
        }

        @Override
        public TypeCodec<?> visitProposalExpired(ProposalExpired event) {
            return ProposalCodecs.PROPOSAL_EXPIRED;
        }

        @Override
        public TypeCodec<?> visitProjectCycleEvent(ProjectCycleEvent event) {
            return event.acceptCycle(ProjectCycleCodecs.CODEC_OF);
        }
    };

    /** The names of the event types {@link #fromJson} decodes, for tests that check every event type has a codec. */
    static Set<String> decodableTypes() {
        return CODECS.keySet();
    }

    // ------------------------------------------------------------------ to JSON

    /** The event as a JSON value tree. */
    public static Map<String, Object> toJson(LedgerEvent event) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", event.seq());
        m.put("type", event.type());
        m.put("at", formatTime(event.at()));
        Map<String, Object> actor = new LinkedHashMap<>();
        actor.put("role", event.actor().role().wireName());
        actor.put("subject", event.actor().subject());
        actor.put("scope", event.actor().scope());
        m.put("actor", actor);
        event.accept(CODEC_OF).encode(event, m);
        return m;
    }

    public static String formatTime(Instant at) {
        return TIME.format(at);
    }

    // ------------------------------------------------------------------ from JSON

    /** The event a JSON value tree describes (as produced by {@link #toJson} or parsed from its canonical text). */
    public static LedgerEvent fromJson(Map<String, Object> json) {
        try {
            return decode(new JsonIn(json, null, "event", -1));
        } catch (EventFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EventFormatException("malformed event: " + e.getMessage(), e);
        }
    }

    private static LedgerEvent decode(JsonIn in) {
        long seq = in.longValue("seq");
        String type = in.string("type");
        Instant at = parseTime(in.string("at"));
        JsonIn a = in.object("actor");
        Actor actor = new Actor(Role.ofWireName(a.string("role")), a.string("subject"), a.string("scope"));
        TypeCodec<?> codec = CODECS.get(type);
        if (codec == null) {
            throw new EventFormatException("unknown event type '" + type + "'");
        }
        return codec.decoder().decode(seq, at, actor, in);
    }

    /**
     * Parses {@code at} in the fixed form {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}, as strictly as
     * {@link #TIME} does (ASCII digits, fields in range, real calendar dates), but by hand
     * ({@link EventTime}): replay parses one time per event.
     *
     * @throws EventFormatException if the text is not exactly of that form
     */
    public static Instant parseTime(String text) {
        return EventTime.parse(text);
    }
}
