package org.jcm.ledger.event;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.FirstTransferTrigger;
import org.jcm.ledger.credit.OimpFirstTransfer;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.serial.Quantity;

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
 */
public final class EventCodec {

    /** The fixed time format of {@code at}: millisecond precision, UTC, 'Z'. */
    public static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC).withResolverStyle(ResolverStyle.STRICT);

    private EventCodec() {
    }

    // ------------------------------------------------------------------ one codec per event type

    /** Writes the payload fields of one event type into the JSON object {@code m}. */
    @FunctionalInterface
    private interface Encoder<E extends LedgerEvent> {
        void encode(E event, Map<String, Object> m);
    }

    /** Reads one event type's payload from {@code in}, the header already read. */
    @FunctionalInterface
    private interface Decoder<E extends LedgerEvent> {
        E decode(long seq, Instant at, Actor actor, In in);
    }

    /**
     * The encoding and decoding of one event type, side by side, so that they are changed together.
     * Every codec is listed in {@link #CODECS} (decoding, by type name) and returned by
     * {@link #CODEC_OF} (encoding, by the compiler-checked visitor).
     */
    private record TypeCodec<E extends LedgerEvent>(Class<E> type, Encoder<E> encoder, Decoder<E> decoder) {
        String name() {
            return type.getSimpleName();
        }

        void encode(LedgerEvent event, Map<String, Object> m) {
            encoder.encode(type.cast(event), m);
        }
    }

    private static final TypeCodec<PartyRegistered> PARTY_REGISTERED = new TypeCodec<>(PartyRegistered.class,
            (e, m) -> {
                party(e.party(), m);
            },
            (seq, at, actor, in) -> {
                return new PartyRegistered(seq, at, actor, in.party());
            });

    private static final TypeCodec<PartyUpdated> PARTY_UPDATED = new TypeCodec<>(PartyUpdated.class,
            (e, m) -> {
                party(e.party(), m);
            },
            (seq, at, actor, in) -> {
                return new PartyUpdated(seq, at, actor, in.party());
            });

    private static final TypeCodec<RegistryRegistered> REGISTRY_REGISTERED = new TypeCodec<>(RegistryRegistered.class,
            (e, m) -> {
                m.put("registryId", e.registryId().value());
                m.put("party", e.party().value());
                m.put("name", e.name());
                m.put("cancellationAccountId", e.cancellationAccountId().value());
                m.put("retirementAccountId", e.retirementAccountId().value());
            },
            (seq, at, actor, in) -> {
                return new RegistryRegistered(seq, at, actor, in.id("registryId", RegistryId::new), in.id("party", PartyCode::new),
                        in.string("name"), in.id("cancellationAccountId", AccountId::new),
                        in.id("retirementAccountId", AccountId::new));
            });

    private static final TypeCodec<OrganizationRegistered> ORGANIZATION_REGISTERED = new TypeCodec<>(OrganizationRegistered.class,
            (e, m) -> {
                m.put("organizationId", e.organizationId().value());
                m.put("registryId", e.registryId().value());
                m.put("name", e.name());
            },
            (seq, at, actor, in) -> {
                return new OrganizationRegistered(seq, at, actor, in.id("organizationId", OrganizationId::new),
                        in.id("registryId", RegistryId::new), in.string("name"));
            });

    private static final TypeCodec<AccountOpened> ACCOUNT_OPENED = new TypeCodec<>(AccountOpened.class,
            (e, m) -> {
                m.put("accountId", e.accountId().value());
                m.put("registryId", e.registryId().value());
                m.put("organizationId", e.organizationId().value());
                m.put("name", e.name());
            },
            (seq, at, actor, in) -> {
                return new AccountOpened(seq, at, actor, in.id("accountId", AccountId::new), in.id("registryId", RegistryId::new),
                        in.id("organizationId", OrganizationId::new), in.string("name"));
            });

    private static final TypeCodec<AccountFrozen> ACCOUNT_FROZEN = new TypeCodec<>(AccountFrozen.class,
            (e, m) -> {
                accountChange(e.accountId(), e.reason(), m);
            },
            (seq, at, actor, in) -> {
                return new AccountFrozen(seq, at, actor, in.id("accountId", AccountId::new), in.optionalString("reason"));
            });

    private static final TypeCodec<AccountUnfrozen> ACCOUNT_UNFROZEN = new TypeCodec<>(AccountUnfrozen.class,
            (e, m) -> {
                accountChange(e.accountId(), e.reason(), m);
            },
            (seq, at, actor, in) -> {
                return new AccountUnfrozen(seq, at, actor, in.id("accountId", AccountId::new), in.optionalString("reason"));
            });

    private static final TypeCodec<AccountClosed> ACCOUNT_CLOSED = new TypeCodec<>(AccountClosed.class,
            (e, m) -> {
                accountChange(e.accountId(), e.reason(), m);
            },
            (seq, at, actor, in) -> {
                return new AccountClosed(seq, at, actor, in.id("accountId", AccountId::new), in.optionalString("reason"));
            });

    private static final TypeCodec<ProjectRegistered> PROJECT_REGISTERED = new TypeCodec<>(ProjectRegistered.class,
            (e, m) -> {
                m.put("projectId", e.projectId().value());
                m.put("hostParty", e.hostParty().value());
                m.put("registryId", e.registryId().value());
                m.put("title", e.title());
                m.put("methodologyId", e.methodologyId().value());
                List<Object> participants = new ArrayList<>();
                e.participants().forEach(p -> participants.add(p.value()));
                m.put("participants", participants);
            },
            (seq, at, actor, in) -> {
                List<OrganizationId> participants = new ArrayList<>();
                for (Object o : in.list("participants")) {
                    participants.add(new OrganizationId(str(o, "participants")));
                }
                return new ProjectRegistered(seq, at, actor, in.id("projectId", ProjectId::new), in.id("hostParty", PartyCode::new),
                        in.id("registryId", RegistryId::new), in.string("title"), in.id("methodologyId", MethodologyId::new),
                        participants);
            });

    private static final TypeCodec<IssuanceRequested> ISSUANCE_REQUESTED = new TypeCodec<>(IssuanceRequested.class,
            (e, m) -> {
                m.put("issuanceRequestId", e.issuanceRequestId().value());
                m.put("projectId", e.projectId().value());
                m.put("organizationId", e.organizationId().value());
                m.put("monitoringPeriodStart", e.monitoringPeriodStart().toString());
                m.put("monitoringPeriodEnd", e.monitoringPeriodEnd().toString());
                m.put("verifiedQuantity", e.verifiedQuantity());
                m.put("verificationReference", e.verificationReference());
            },
            (seq, at, actor, in) -> {
                return new IssuanceRequested(seq, at, actor, in.id("issuanceRequestId", IssuanceRequestId::new),
                        in.id("projectId", ProjectId::new), in.id("organizationId", OrganizationId::new),
                        in.date("monitoringPeriodStart"), in.date("monitoringPeriodEnd"), in.longValue("verifiedQuantity"),
                        in.string("verificationReference"));
            });

    private static final TypeCodec<CreditsIssued> CREDITS_ISSUED = new TypeCodec<>(CreditsIssued.class,
            (e, m) -> {
                m.put("issuanceId", e.issuanceId().value());
                m.put("projectId", e.projectId().value());
                m.put("hostParty", e.hostParty().value());
                m.put("vintage", (long) e.vintage().year());
                m.put("monitoringPeriodStart", e.monitoringPeriodStart().toString());
                m.put("monitoringPeriodEnd", e.monitoringPeriodEnd().toString());
                m.put("totalQuantity", e.totalQuantity());
                List<Object> allocations = new ArrayList<>();
                for (IssuedAllocation a : e.allocations()) {
                    Map<String, Object> am = new LinkedHashMap<>();
                    am.put("accountId", a.accountId().value());
                    am.put("issuingRegistryId", a.issuingRegistryId().value());
                    am.put("first", a.first());
                    am.put("last", a.last());
                    allocations.add(am);
                }
                m.put("allocations", allocations);
                e.issuanceRequestId().ifPresent(x -> m.put("issuanceRequestId", x.value()));
            },
            (seq, at, actor, in) -> {
                List<IssuedAllocation> allocations = new ArrayList<>();
                for (In am : in.objects("allocations")) {
                    allocations.add(new IssuedAllocation(am.id("accountId", AccountId::new),
                            am.id("issuingRegistryId", RegistryId::new), am.longValue("first"), am.longValue("last")));
                }
                return new CreditsIssued(seq, at, actor, in.id("issuanceId", IssuanceId::new), in.id("projectId", ProjectId::new),
                        in.id("hostParty", PartyCode::new), Vintage.of(in.intValue("vintage")), in.date("monitoringPeriodStart"),
                        in.date("monitoringPeriodEnd"), in.longValue("totalQuantity"), allocations,
                        in.optionalString("issuanceRequestId").map(IssuanceRequestId::new));
            });

    private static final TypeCodec<CreditsTransferred> CREDITS_TRANSFERRED = new TypeCodec<>(CreditsTransferred.class,
            (e, m) -> {
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", ranges(e.ranges()));
                e.trade().ifPresent(t -> {
                    Map<String, Object> trade = new LinkedHashMap<>();
                    trade.put("tradeId", t.tradeId());
                    trade.put("venue", t.venue());
                    trade.put("pricePerTonne", t.pricePerTonne().toPlainString());
                    trade.put("currency", t.currency());
                    m.put("trade", trade);
                });
                e.memo().ifPresent(x -> m.put("memo", x));
            },
            (seq, at, actor, in) -> {
                return new CreditsTransferred(seq, at, actor, in.id("fromAccountId", AccountId::new),
                        in.id("toAccountId", AccountId::new), in.longValue("quantity"), in.ranges(),
                        in.optionalObject("trade").map(t -> new Trade(t.string("tradeId"), t.string("venue"),
                                new BigDecimal(t.string("pricePerTonne")), t.string("currency"))),
                        in.optionalString("memo"));
            });

    private static final TypeCodec<CreditsCancelled> CREDITS_CANCELLED = new TypeCodec<>(CreditsCancelled.class,
            (e, m) -> {
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", ranges(e.ranges()));
                m.put("reason", e.reason().name());
                e.note().ifPresent(x -> m.put("note", x));
            },
            (seq, at, actor, in) -> {
                return new CreditsCancelled(seq, at, actor, in.id("fromAccountId", AccountId::new),
                        in.id("toAccountId", AccountId::new), in.longValue("quantity"), in.ranges(),
                        in.enumValue("reason", CancellationReason.class), in.optionalString("note"));
            });

    private static final TypeCodec<CreditsRetired> CREDITS_RETIRED = new TypeCodec<>(CreditsRetired.class,
            (e, m) -> {
                m.put("fromAccountId", e.fromAccountId().value());
                m.put("toAccountId", e.toAccountId().value());
                m.put("quantity", e.quantity());
                m.put("ranges", ranges(e.ranges()));
                m.put("purpose", e.purpose().name());
                e.beneficiary().ifPresent(x -> m.put("beneficiary", x));
                e.usingParty().ifPresent(x -> m.put("usingParty", x.value()));
                e.yearOfUse().ifPresent(x -> m.put("yearOfUse", (long) x.getValue()));
                e.note().ifPresent(x -> m.put("note", x));
            },
            (seq, at, actor, in) -> {
                return new CreditsRetired(seq, at, actor, in.id("fromAccountId", AccountId::new),
                        in.id("toAccountId", AccountId::new), in.longValue("quantity"), in.ranges(),
                        in.enumValue("purpose", RetirementPurpose.class), in.optionalString("beneficiary"),
                        in.optionalString("usingParty").map(PartyCode::new),
                        in.has("yearOfUse") ? Optional.of(Year.of(in.intValue("yearOfUse"))) : Optional.empty(),
                        in.optionalString("note"));
            });

    private static final TypeCodec<UnitsAuthorized> UNITS_AUTHORIZED = new TypeCodec<>(UnitsAuthorized.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("version", (long) e.version());
                m.put("party", e.party().value());
                m.put("cooperativeApproachId", e.cooperativeApproachId().value());
                m.put("purpose", e.purpose().name());
                e.oimp().ifPresent(x -> m.put("oimp", x));
                e.firstTransferDefinition().ifPresent(x -> m.put("firstTransferDefinition", x.name()));
                terms(e.terms(), m);
                e.issuanceId().ifPresent(x -> m.put("issuanceId", x.value()));
                m.put("ranges", ranges(e.ranges()));
            },
            (seq, at, actor, in) -> {
                if (in.longValue("version") != 1) {
                    throw new EventFormatException("UnitsAuthorized must be version 1");
                }
                return new UnitsAuthorized(seq, at, actor, in.id("authorizationId", AuthorizationId::new),
                        in.id("party", PartyCode::new), in.id("cooperativeApproachId", CooperativeApproachId::new),
                        in.enumValue("purpose", AuthorizationPurpose.class), in.optionalString("oimp"),
                        in.optionalString("firstTransferDefinition").map(OimpFirstTransfer::valueOf), in.terms(),
                        in.optionalString("issuanceId").map(IssuanceId::new), in.ranges());
            });

    private static final TypeCodec<AuthorizationAmended> AUTHORIZATION_AMENDED = new TypeCodec<>(AuthorizationAmended.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("version", (long) e.version());
                terms(e.terms(), m);
                e.issuanceId().ifPresent(x -> m.put("issuanceId", x.value()));
                m.put("ranges", ranges(e.ranges()));
                e.reason().ifPresent(x -> m.put("reason", x));
            },
            (seq, at, actor, in) -> {
                return new AuthorizationAmended(seq, at, actor, in.id("authorizationId", AuthorizationId::new),
                        in.intValue("version"), in.terms(), in.optionalString("issuanceId").map(IssuanceId::new), in.ranges(),
                        in.optionalString("reason"));
            });

    private static final TypeCodec<AuthorizationRevoked> AUTHORIZATION_REVOKED = new TypeCodec<>(AuthorizationRevoked.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("ranges", ranges(e.ranges()));
                e.reason().ifPresent(x -> m.put("reason", x));
            },
            (seq, at, actor, in) -> {
                return new AuthorizationRevoked(seq, at, actor, in.id("authorizationId", AuthorizationId::new), in.ranges(),
                        in.optionalString("reason"));
            });

    private static final TypeCodec<FirstTransferRecorded> FIRST_TRANSFER_RECORDED = new TypeCodec<>(FirstTransferRecorded.class,
            (e, m) -> {
                m.put("authorizationId", e.authorizationId().value());
                m.put("trigger", e.trigger().name());
                m.put("causeSeq", e.causeSeq());
                m.put("transferringParty", e.transferringParty().value());
                e.acquiringParty().ifPresent(x -> m.put("acquiringParty", x.value()));
                m.put("quantity", e.quantity());
                m.put("ranges", ranges(e.ranges()));
            },
            (seq, at, actor, in) -> {
                return new FirstTransferRecorded(seq, at, actor, in.id("authorizationId", AuthorizationId::new),
                        in.enumValue("trigger", FirstTransferTrigger.class), in.longValue("causeSeq"),
                        in.id("transferringParty", PartyCode::new), in.optionalString("acquiringParty").map(PartyCode::new),
                        in.ranges());
            });

    private static final TypeCodec<CorrespondingAdjustmentApplied> CORRESPONDING_ADJUSTMENT_APPLIED = new TypeCodec<>(CorrespondingAdjustmentApplied.class,
            (e, m) -> {
                m.put("party", e.party().value());
                m.put("year", (long) e.year().getValue());
                m.put("method", e.method().name());
                List<Object> seqs = new ArrayList<>(e.firstTransferSeqs());
                m.put("firstTransferSeqs", seqs);
                m.put("ranges", ranges(e.ranges()));
            },
            (seq, at, actor, in) -> {
                List<Long> seqs = new ArrayList<>();
                for (Object o : in.list("firstTransferSeqs")) {
                    seqs.add(integral(o, "firstTransferSeqs"));
                }
                return new CorrespondingAdjustmentApplied(seq, at, actor, in.id("party", PartyCode::new),
                        Year.of(in.intValue("year")), in.enumValue("method", CaMethod.class), seqs, in.ranges());
            });

    /** Every event type's codec by its type name ({@link LedgerEvent#type()}): what {@link #fromJson} decodes. */
    private static final Map<String, TypeCodec<?>> CODECS = table(PARTY_REGISTERED, PARTY_UPDATED, REGISTRY_REGISTERED, ORGANIZATION_REGISTERED, ACCOUNT_OPENED, ACCOUNT_FROZEN, ACCOUNT_UNFROZEN, ACCOUNT_CLOSED, PROJECT_REGISTERED, ISSUANCE_REQUESTED, CREDITS_ISSUED, CREDITS_TRANSFERRED, CREDITS_CANCELLED, CREDITS_RETIRED, UNITS_AUTHORIZED, AUTHORIZATION_AMENDED, AUTHORIZATION_REVOKED, FIRST_TRANSFER_RECORDED, CORRESPONDING_ADJUSTMENT_APPLIED);

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
            return PARTY_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitPartyUpdated(PartyUpdated event) {
            return PARTY_UPDATED;
        }

        @Override
        public TypeCodec<?> visitRegistryRegistered(RegistryRegistered event) {
            return REGISTRY_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitOrganizationRegistered(OrganizationRegistered event) {
            return ORGANIZATION_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitAccountOpened(AccountOpened event) {
            return ACCOUNT_OPENED;
        }

        @Override
        public TypeCodec<?> visitAccountFrozen(AccountFrozen event) {
            return ACCOUNT_FROZEN;
        }

        @Override
        public TypeCodec<?> visitAccountUnfrozen(AccountUnfrozen event) {
            return ACCOUNT_UNFROZEN;
        }

        @Override
        public TypeCodec<?> visitAccountClosed(AccountClosed event) {
            return ACCOUNT_CLOSED;
        }

        @Override
        public TypeCodec<?> visitProjectRegistered(ProjectRegistered event) {
            return PROJECT_REGISTERED;
        }

        @Override
        public TypeCodec<?> visitIssuanceRequested(IssuanceRequested event) {
            return ISSUANCE_REQUESTED;
        }

        @Override
        public TypeCodec<?> visitCreditsIssued(CreditsIssued event) {
            return CREDITS_ISSUED;
        }

        @Override
        public TypeCodec<?> visitCreditsTransferred(CreditsTransferred event) {
            return CREDITS_TRANSFERRED;
        }

        @Override
        public TypeCodec<?> visitCreditsCancelled(CreditsCancelled event) {
            return CREDITS_CANCELLED;
        }

        @Override
        public TypeCodec<?> visitCreditsRetired(CreditsRetired event) {
            return CREDITS_RETIRED;
        }

        @Override
        public TypeCodec<?> visitUnitsAuthorized(UnitsAuthorized event) {
            return UNITS_AUTHORIZED;
        }

        @Override
        public TypeCodec<?> visitAuthorizationAmended(AuthorizationAmended event) {
            return AUTHORIZATION_AMENDED;
        }

        @Override
        public TypeCodec<?> visitAuthorizationRevoked(AuthorizationRevoked event) {
            return AUTHORIZATION_REVOKED;
        }

        @Override
        public TypeCodec<?> visitFirstTransferRecorded(FirstTransferRecorded event) {
            return FIRST_TRANSFER_RECORDED;
        }

        @Override
        public TypeCodec<?> visitCorrespondingAdjustmentApplied(CorrespondingAdjustmentApplied event) {
            return CORRESPONDING_ADJUSTMENT_APPLIED;
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
        payload(event, m);
        return m;
    }

    public static String formatTime(Instant at) {
        return TIME.format(at);
    }

    private static void payload(LedgerEvent event, Map<String, Object> m) {
        event.accept(CODEC_OF).encode(event, m);
    }

    private static void party(Party p, Map<String, Object> m) {
        m.put("party", p.code().value());
        m.put("iso2", p.iso2());
        m.put("name", p.name());
        m.put("jcmStatus", p.jcmStatus().name());
        m.put("parisAgreementParty", p.parisAgreementParty());
        p.cooperativeApproachId().ifPresent(x -> m.put("cooperativeApproachId", x.value()));
    }

    private static void accountChange(AccountId id, Optional<String> reason, Map<String, Object> m) {
        m.put("accountId", id.value());
        reason.ifPresent(x -> m.put("reason", x));
    }

    private static void terms(AuthorizationTerms t, Map<String, Object> m) {
        t.authorizedQuantity().ifPresent(q -> m.put("authorizedQuantity", q.tonnes()));
        List<Object> vintages = new ArrayList<>();
        t.vintages().forEach(v -> vintages.add((long) v.year()));
        m.put("vintages", vintages);
        m.put("authorizedEntities", new ArrayList<Object>(t.authorizedEntities()));
    }

    private static List<Object> ranges(List<BlockRange> ranges) {
        List<Object> list = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hostParty", r.hostParty().value());
            m.put("vintage", (long) r.vintage().year());
            m.put("projectId", r.projectId().value());
            m.put("issuanceId", r.issuanceId().value());
            m.put("issuingRegistryId", r.issuingRegistryId().value());
            m.put("first", r.first());
            m.put("last", r.last());
            list.add(m);
        }
        return list;
    }

    // ------------------------------------------------------------------ from JSON

    /** The event a JSON value tree describes (as produced by {@link #toJson} or parsed from its canonical text). */
    public static LedgerEvent fromJson(Map<String, Object> json) {
        try {
            return decode(new In(json, null, "event", -1));
        } catch (EventFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new EventFormatException("malformed event: " + e.getMessage(), e);
        }
    }

    private static LedgerEvent decode(In in) {
        long seq = in.longValue("seq");
        String type = in.string("type");
        Instant at = parseTime(in.string("at"));
        In a = in.object("actor");
        Actor actor = new Actor(Role.ofWireName(a.string("role")), a.string("subject"), a.string("scope"));
        TypeCodec<?> codec = CODECS.get(type);
        if (codec == null) {
            throw new EventFormatException("unknown event type '" + type + "'");
        }
        return codec.decoder().decode(seq, at, actor, in);
    }

    /**
     * Parses {@code at} in the fixed form {@code uuuu-MM-dd'T'HH:mm:ss.SSS'Z'}, as strictly as
     * {@link #TIME} does (ASCII digits, fields in range, real calendar dates), but by hand: replay
     * parses one time per event, and {@code DateTimeFormatter.parse} allocated more than the rest of
     * the decoding together.
     *
     * @throws EventFormatException if the text is not exactly of that form
     */
    public static Instant parseTime(String text) {
        if (text.length() != 24 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != '.' || text.charAt(23) != 'Z') {
            throw badTime(text);
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int milli = digits(text, 20, 23);
        if ((year | month | day | hour | minute | second | milli) < 0 || hour > 23 || minute > 59 || second > 59) {
            throw badTime(text);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            throw new EventFormatException("time '" + text + "' is not a calendar date: " + e.getMessage());
        }
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3_600 + minute * 60 + second, milli * 1_000_000L);
    }

    /** The value of the ASCII digits {@code text[from, to)}, or -1 if any is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int d = text.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    private static EventFormatException badTime(String text) {
        return new EventFormatException("time '" + text + "' must be uuuu-MM-ddTHH:mm:ss.SSSZ");
    }

    static long integral(Object o, String field) {
        if (o instanceof Long l) {
            return l;
        }
        if (o instanceof Integer i) {
            return i;
        }
        if (o instanceof BigInteger b) {
            return b.longValueExact();
        }
        if (o instanceof BigDecimal d) {
            return d.stripTrailingZeros().toBigIntegerExact().longValueExact();
        }
        throw new EventFormatException("field '" + field + "' must be an integer, was " + o);
    }

    static String str(Object o, String field) {
        if (o instanceof String s) {
            return s;
        }
        throw new EventFormatException("field '" + field + "' must be a string, was " + o);
    }

    /** A typed view of one JSON object. */
    private static final class In {
        private final Map<String, Object> map;
        /** The object containing this one (null for the event), and this one's member name and array index (or -1). */
        private final In parent;
        private final String name;
        private final int index;

        /**
         * The path to this object ({@code event.ranges[0]}) is kept in parts and spelled out only
         * for an error message, so that decoding a valid event builds no path strings.
         */
        In(Map<String, Object> map, In parent, String name, int index) {
            this.parent = parent;
            this.name = name;
            this.index = index;
            if (map == null) {
                throw new EventFormatException(path() + " is missing");
            }
            this.map = map;
        }

        /** The path to this object for messages, e.g. {@code event.ranges[0]}. */
        String path() {
            String own = index < 0 ? name : name + "[" + index + "]";
            return parent == null ? own : parent.path() + "." + own;
        }

        boolean has(String field) {
            return map.get(field) != null;
        }

        Object get(String field) {
            Object o = map.get(field);
            if (o == null) {
                throw new EventFormatException(path() + "." + field + " is missing");
            }
            return o;
        }

        String string(String field) {
            Object o = get(field);
            return o instanceof String s ? s : str(o, path() + "." + field);
        }

        Optional<String> optionalString(String field) {
            return has(field) ? Optional.of(string(field)) : Optional.empty();
        }

        long longValue(String field) {
            Object o = get(field);
            return o instanceof Long l ? l : integral(o, path() + "." + field);
        }

        int intValue(String field) {
            return Math.toIntExact(longValue(field));
        }

        LocalDate date(String field) {
            return LocalDate.parse(string(field));
        }

        <T> T id(String field, Function<String, T> parse) {
            return parse.apply(string(field));
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            return Enum.valueOf(type, string(field));
        }

        @SuppressWarnings("unchecked")
        In object(String field) {
            Object o = get(field);
            if (!(o instanceof Map)) {
                throw new EventFormatException(path() + "." + field + " must be an object");
            }
            return new In((Map<String, Object>) o, this, field, -1);
        }

        Optional<In> optionalObject(String field) {
            return has(field) ? Optional.of(object(field)) : Optional.empty();
        }

        List<?> list(String field) {
            Object o = get(field);
            if (!(o instanceof List<?> l)) {
                throw new EventFormatException(path() + "." + field + " must be an array");
            }
            return l;
        }

        List<In> objects(String field) {
            List<?> list = list(field);
            List<In> out = new ArrayList<>(list.size());
            for (int i = 0, n = list.size(); i < n; i++) {
                out.add(element(list, field, i));
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private In element(List<?> list, String field, int i) {
            Object o = list.get(i);
            if (!(o instanceof Map)) {
                throw new EventFormatException(path() + "." + field + "[" + i + "] must be an object");
            }
            return new In((Map<String, Object>) o, this, field, i);
        }

        List<BlockRange> ranges() {
            List<?> list = list("ranges");
            List<BlockRange> out = new ArrayList<>(list.size());
            for (int i = 0, n = list.size(); i < n; i++) {
                In r = element(list, "ranges", i);
                out.add(new BlockRange(r.id("hostParty", PartyCode::new), Vintage.of(r.intValue("vintage")),
                        r.id("projectId", ProjectId::new), r.id("issuanceId", IssuanceId::new),
                        r.id("issuingRegistryId", RegistryId::new), r.longValue("first"), r.longValue("last")));
            }
            return out;
        }

        AuthorizationTerms terms() {
            List<Vintage> vintages = new ArrayList<>();
            for (Object o : list("vintages")) {
                vintages.add(Vintage.of(Math.toIntExact(integral(o, path() + ".vintages"))));
            }
            List<String> entities = new ArrayList<>();
            for (Object o : list("authorizedEntities")) {
                entities.add(str(o, path() + ".authorizedEntities"));
            }
            return new AuthorizationTerms(has("authorizedQuantity") ? Optional.of(Quantity.of(longValue("authorizedQuantity")))
                    : Optional.empty(), vintages, entities);
        }

        Party party() {
            return new Party(string("iso2"), new PartyCode(string("party")), string("name"),
                    enumValue("jcmStatus", JcmStatus.class), bool("parisAgreementParty"),
                    optionalString("cooperativeApproachId").map(CooperativeApproachId::new));
        }

        boolean bool(String field) {
            Object o = get(field);
            if (!(o instanceof Boolean b)) {
                throw new EventFormatException(path() + "." + field + " must be a boolean");
            }
            return b;
        }
    }
}
