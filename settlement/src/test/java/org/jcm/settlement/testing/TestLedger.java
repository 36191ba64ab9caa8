package org.jcm.settlement.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.Set;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.ApproveProposal;
import org.jcm.ledger.command.AuthorizeUnits;
import org.jcm.ledger.command.CancelCredits;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.command.CommandContext;
import org.jcm.ledger.command.IssueCredits;
import org.jcm.ledger.command.OpenAccount;
import org.jcm.ledger.command.ProposableAction;
import org.jcm.ledger.command.ProposeAction;
import org.jcm.ledger.command.RegisterOrganization;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.RegisterProject;
import org.jcm.ledger.command.SubmitIssuanceRequest;
import org.jcm.ledger.command.RegisterRegistry;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.command.Trade;
import org.jcm.ledger.command.SetTransferPolicy;
import org.jcm.ledger.command.TransferCredits;
import org.jcm.ledger.command.UnitFilter;
import org.jcm.ledger.credit.AuthorizationPurpose;
import org.jcm.ledger.credit.CancellationReason;
import org.jcm.ledger.credit.Label;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.event.CreditsIssued;
import org.jcm.ledger.event.EventCodec;
import org.jcm.ledger.event.IssuanceRequested;
import org.jcm.ledger.event.LedgerEvent;
import org.jcm.ledger.event.ProposalMade;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.MethodologyId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;
import org.jcm.ledger.state.LedgerState;
import org.jcm.ledger.state.StateMachine;
import org.jcm.ledger.rule.Outcome;
import org.jcm.ledger.serial.Quantity;

/**
 * The registry's side of the contract, for tests: one ledger per test JVM that runs real commands
 * through ledger-core's {@link StateMachine}, chains the events (JCS + SHA-256) into entries shaped
 * like {@code GET /api/v1/ledger/events} items, and publishes them on the ledger topic with key
 * {@code jcm} and header {@code seq}. Tests share it, so each test keeps to its own vintages and days.
 * A service restarted under a test profile loads this class again; its ledger then takes up the
 * entries the topic holds ({@link #resume}) and continues the chain.
 *
 * <p>Reference data: Japan and Mongolia (cooperative approach CA0012), registries JPN01 and MNG01,
 * company A ({@link #A}) and B ({@link #B}) in Japan, a Mongolian company ({@link #C}), project MN001.
 * The three companies' transfer policies need no approval and no delay ({@link #openTransfers}), so
 * their transfers (the venues' deliveries) execute at once; issuances and authorizations are
 * proposed by one administrator or official and approved by a second one ({@link #approved}).
 */
public final class TestLedger {

    public static final String TOPIC = "jcm.ledger.events";
    public static final String LEDGER_ID = "jcm";

    public static final PartyCode JPN = PartyCode.JAPAN;
    public static final PartyCode MNG = new PartyCode("MNG");
    public static final RegistryId JPN01 = new RegistryId("JPN01");
    public static final RegistryId MNG01 = new RegistryId("MNG01");
    public static final CooperativeApproachId CA = new CooperativeApproachId("CA0012");
    public static final ProjectId MN001 = new ProjectId("MN001");
    public static final AccountId A = AccountId.holding(JPN01, 1);
    public static final AccountId B = AccountId.holding(JPN01, 2);
    public static final AccountId C = AccountId.holding(MNG01, 1);

    private static final Actor OPERATOR = Actor.operator("ops");
    private static TestLedger instance;

    private final LedgerState state = new LedgerState();
    private final KafkaProducer<String, byte[]> producer;
    private final List<byte[]> published = new ArrayList<>();
    private String head = HashChain.ZERO_HEX;
    private int issuances;

    private TestLedger(boolean online) {
        Map<String, Object> config = new LinkedHashMap<>();
        if (online) {
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
        }
        producer = online ? new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()) : null;
        if (online && resume()) {
            return;
        }
        Instant at = Instant.parse("2025-01-06T00:00:00Z");
        apply(at, OPERATOR, new RegisterParty(new Party("JP", JPN, "Japan", JcmStatus.JAPAN, true, Optional.empty())));
        apply(at, OPERATOR, new RegisterParty(new Party("MN", MNG, "Mongolia", JcmStatus.PARTNER, true, Optional.of(CA), Optional.of(LocalDate.of(2013, 1, 8)), Set.of())));
        apply(at, OPERATOR, new RegisterRegistry(JPN01, "Japan JCM registry"));
        apply(at, OPERATOR, new RegisterRegistry(MNG01, "Mongolia JCM registry"));
        apply(at, admin(JPN01), new RegisterOrganization(JPN01, "Company A"));
        apply(at, admin(JPN01), new RegisterOrganization(JPN01, "Company B"));
        apply(at, admin(MNG01), new RegisterOrganization(MNG01, "Ulaanbaatar Solar"));
        apply(at, admin(JPN01), new OpenAccount(OrganizationId.of(JPN01, 1), "A main"));
        apply(at, admin(JPN01), new OpenAccount(OrganizationId.of(JPN01, 2), "B main"));
        apply(at, admin(MNG01), new OpenAccount(OrganizationId.of(MNG01, 1), "UB Solar main"));
        apply(at, admin(MNG01), new RegisterProject(MN001, "Solar in Ulaanbaatar", new MethodologyId("MN_AM001"),
                MNG01, List.of(OrganizationId.of(MNG01, 1), OrganizationId.of(JPN01, 1))));
        for (OrganizationId org : List.of(OrganizationId.of(JPN01, 1), OrganizationId.of(JPN01, 2),
                OrganizationId.of(MNG01, 1))) {
            openTransfers(at, org);
        }
    }

    /**
     * Takes up the ledger the topic already holds, when a test before a service restart under a test
     * profile published it (the restart loads this class again, with fresh statics): every entry is
     * folded again and kept as published, so that the next command continues the chain instead of
     * repeating its seqs. Returns false when the topic is empty.
     */
    private boolean resume() {
        Map<Long, byte[]> bySeq = new java.util.TreeMap<>();
        Map<String, Object> config = Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "enable.auto.commit", false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Map<?, ?> entry = (Map<?, ?>) Json.parse(new String(record.value(), StandardCharsets.UTF_8));
                    bySeq.putIfAbsent(((Number) entry.get("seq")).longValue(), record.value());
                }
            }
        }
        for (Map.Entry<Long, byte[]> entry : bySeq.entrySet()) {
            assertThat(entry.getKey()).as("the topic's entries follow each other").isEqualTo(published.size() + 1L);
            @SuppressWarnings("unchecked")
            Map<String, Object> json = (Map<String, Object>) Json.parse(new String(entry.getValue(),
                    StandardCharsets.UTF_8));
            @SuppressWarnings("unchecked")
            LedgerEvent event = EventCodec.fromJson((Map<String, Object>) json.get("event"));
            state.apply(event);
            published.add(entry.getValue());
            head = (String) json.get("hash");
            if (event instanceof CreditsIssued issued && issued.issuanceId().value().startsWith("MN001-")) {
                String id = issued.issuanceId().value();
                issuances = Math.max(issuances, Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)));
            }
        }
        return !bySeq.isEmpty();
    }

    /**
     * Sets the organization's transfer policy to no approval and no delay (its administrator's
     * {@code SetTransferPolicy}), so that its transfers to any account execute at once.
     */
    public void openTransfers(Instant at, OrganizationId org) {
        apply(at, admin(org.registryId()), new SetTransferPolicy(org, Optional.empty(), false, Duration.ZERO));
    }

    /**
     * Carries out a four-eyes action: {@code proposer} proposes it and a second subject of the same
     * role and scope ({@code approver-<scope>}) approves it at the same instant. Returns the
     * approval's events: {@code ProposalApproved}, then the action's own.
     */
    public synchronized List<LedgerEvent> approved(Instant at, Actor proposer, ProposableAction action) {
        ProposalMade proposal = (ProposalMade) apply(at, proposer, new ProposeAction(action)).get(0);
        Actor approver = new Actor(proposer.role(), "approver-" + proposer.scope(), proposer.scope());
        return apply(at, approver, new ApproveProposal(proposal.proposalId()));
    }

    /** The JVM's test ledger, with its reference data published. */
    public static synchronized TestLedger get() {
        if (instance == null) {
            instance = new TestLedger(true);
        }
        return instance;
    }

    /** A ledger of its own that publishes nothing, for measuring the consumer's stages without Kafka. */
    public static TestLedger offline() {
        return new TestLedger(false);
    }

    /** The entries chained so far, as the topic carries them: index i holds seq i + 1. */
    public synchronized List<byte[]> entries() {
        return List.copyOf(published);
    }

    /** Creates the ledger topic with one partition unless it exists. */
    public static void createTopic() {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last sequence number published. */
    public synchronized long head() {
        return state.lastSeq();
    }

    /** The folded state, to read what the registry knows. */
    public LedgerState state() {
        return state;
    }

    /** Applies a command at {@code at}, publishes its events and returns them; the command must be accepted. */
    public synchronized List<LedgerEvent> apply(Instant at, Actor actor, Command command) {
        List<LedgerEvent> events = applyWithoutPublishing(at, actor, command);
        int from = published.size() - events.size();
        for (int i = from; i < published.size(); i++) {
            send(published.get(i), i + 1);
        }
        if (producer != null) {
            producer.flush();
        }
        return events;
    }

    /**
     * Applies a command at {@code at} and publishes its events with extra record headers, as the
     * registry's outbox sends the trace context of the request behind them; returns the events.
     */
    public synchronized List<LedgerEvent> apply(Instant at, Actor actor, Command command, Map<String, String> headers) {
        List<LedgerEvent> events = applyWithoutPublishing(at, actor, command);
        for (int i = published.size() - events.size(); i < published.size(); i++) {
            send(published.get(i), i + 1, headers);
        }
        return events;
    }

    /** Applies a command and chains its entries but keeps them back; publish with {@link #publish(long)}. */
    public synchronized List<LedgerEvent> applyWithoutPublishing(Instant at, Actor actor, Command command) {
        Outcome outcome = StateMachine.apply(state, command, new CommandContext(at, actor));
        assertThat(outcome).as("outcome of %s", command).isInstanceOf(Outcome.Accepted.class);
        List<LedgerEvent> events = ((Outcome.Accepted) outcome).events();
        for (LedgerEvent event : events) {
            published.add(entry(event));
        }
        return events;
    }

    /** Publishes (again) the entry with this seq, byte for byte as before. */
    public synchronized void publish(long seq) {
        send(published.get((int) seq - 1), seq);
        if (producer != null) {
            producer.flush();
        }
    }

    /** Publishes the held-back entries {@code from..to} without waiting for each acknowledgement (bulk loads). */
    public synchronized void publishRange(long from, long to) {
        if (producer == null) {
            return;
        }
        for (long seq = from; seq <= to; seq++) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, 0, LEDGER_ID, published.get((int) seq - 1));
            record.headers().add("seq", Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
            producer.send(record);
        }
        producer.flush();
    }

    /**
     * Issues {@code quantity} units of MN001 of a vintage into an account, as the ledger requires:
     * the participant Ulaanbaatar Solar requests the issuance, then an administrator of the
     * account's registry proposes the issuance on that request and a second one approves it (each
     * side issues into its own registry). Returns
     * the issuance id.
     */
    public String issue(Instant at, int vintage, AccountId to, long quantity) {
        int n;
        synchronized (this) {
            n = ++issuances;
        }
        String issuanceId = "MN001-" + vintage + "-" + n;
        // The Joint Committee decides once per project, monitoring period and vintage, so each
        // issuance gets its own one-day monitoring period inside the vintage year.
        LocalDate day = LocalDate.of(vintage, 1, 1).plusDays(n % 365);
        IssuanceRequested request = (IssuanceRequested) apply(at, Actor.accountHolder("holder", OrganizationId.of(MNG01, 1)),
                new SubmitIssuanceRequest(MN001, day, day, Quantity.of(quantity), "VER-" + issuanceId)).get(0);
        approved(at, admin(to.registryId()), new IssueCredits(new IssuanceId(issuanceId), MN001, day, day, Vintage.of(vintage),
                Quantity.of(quantity), List.of(new Allocation(to, Quantity.of(quantity))), request.issuanceRequestId()));
        return issuanceId;
    }

    /** Mongolia authorizes the units of an issuance for NDC use (label AUTHORIZED): one official proposes, a second approves. */
    public void authorize(Instant at, String authorizationId, String issuanceId) {
        approved(at, Actor.government("mng-gov", MNG), new AuthorizeUnits(new AuthorizationId(authorizationId), MNG, CA,
                AuthorizationPurpose.NDC, Optional.empty(), Optional.empty(), Optional.empty(), List.of(),
                List.of("Company A"), Optional.of(new IssuanceId(issuanceId)), List.of()));
    }

    /** The transfer command of {@code quantity} units of a vintage (and label, if given), with an optional trade. */
    public static TransferCredits transfer(AccountId from, AccountId to, long quantity, int vintage,
                                           Optional<Label> label, Trade trade) {
        return new TransferCredits(from, to, Quantity.of(quantity), List.of(),
                Optional.of(new UnitFilter(Optional.empty(), Optional.of(Vintage.of(vintage)), label)),
                Optional.ofNullable(trade), Optional.empty());
    }

    /** Transfers units of a vintage with a trade (venue, trade id, price, currency), or none when trade is null. */
    public List<LedgerEvent> transfer(Instant at, AccountId from, AccountId to, long quantity, int vintage, Trade trade) {
        return apply(at, holderOf(from), transfer(from, to, quantity, vintage, Optional.empty(), trade));
    }

    /** {@link #transfer(Instant, AccountId, AccountId, long, int, Trade)}, published with extra record headers. */
    public List<LedgerEvent> transfer(Instant at, AccountId from, AccountId to, long quantity, int vintage, Trade trade,
                                      Map<String, String> headers) {
        return apply(at, holderOf(from), transfer(from, to, quantity, vintage, Optional.empty(), trade), headers);
    }

    /** Retires units of a vintage voluntarily. */
    public void retire(Instant at, AccountId from, long quantity, int vintage) {
        apply(at, holderOf(from), new RetireCredits(from, Quantity.of(quantity), List.of(),
                Optional.of(new UnitFilter(Optional.empty(), Optional.of(Vintage.of(vintage)), Optional.empty())),
                RetirementPurpose.VOLUNTARY, Optional.of(new Beneficiary.Stated("Company A")), Optional.empty(), Optional.<Year>empty(),
                Optional.empty()));
    }

    /** Cancels units of a vintage voluntarily. */
    public void cancel(Instant at, AccountId from, long quantity, int vintage) {
        apply(at, holderOf(from), new CancelCredits(from, Quantity.of(quantity), List.of(),
                Optional.of(new UnitFilter(Optional.empty(), Optional.of(Vintage.of(vintage)), Optional.empty())),
                CancellationReason.VOLUNTARY, Optional.empty()));
    }

    /** A trade for a transfer. */
    public static Trade trade(String venue, String tradeId, String price, String currency) {
        return new Trade(tradeId, venue, new BigDecimal(price), currency);
    }

    /** The account holder acting for the organization that owns {@code account}. */
    public Actor holderOf(AccountId account) {
        OrganizationId org = state.account(account).orElseThrow().organizationId().orElseThrow();
        return Actor.accountHolder("user-" + org, org);
    }

    private static Actor admin(RegistryId registry) {
        return Actor.registryAdmin("admin-" + registry, registry);
    }

    private byte[] entry(LedgerEvent event) {
        Map<String, Object> json = EventCodec.toJson(event);
        String prev = head;
        head = HashChain.toHex(HashChain.next(HashChain.fromHex(prev), Jcs.canonicalBytes(json)));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("seq", event.seq());
        entry.put("prevHash", prev);
        entry.put("hash", head);
        entry.put("event", json);
        return Json.write(entry).getBytes(StandardCharsets.UTF_8);
    }

    private void send(byte[] value, long seq) {
        send(value, seq, Map.of());
    }

    /** Sends an entry with header {@code seq} and {@code headers} (a trace context, say). */
    private void send(byte[] value, long seq, Map<String, String> headers) {
        if (producer == null) {
            return;
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, 0, LEDGER_ID, value);
        record.headers().add("seq", Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.US_ASCII)));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
