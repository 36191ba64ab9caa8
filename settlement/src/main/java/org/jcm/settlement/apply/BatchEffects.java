package org.jcm.settlement.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.settlement.feed.VolumeDelta;
import org.jcm.settlement.feed.VolumeKey;
import org.jcm.settlement.trade.Instrument;
import org.jcm.settlement.trade.PricedTransfer;
import org.jcm.settlement.trade.TradeLeg;

/**
 * What a batch of consecutive ledger events changes in the settlement database, aggregated in
 * memory so that the batch is written with one multi-row statement per table. Priced transfers
 * are recorded as references to trades ({@link #legs()}); what they change in the market feeds
 * depends on the registered trades, so it is worked out when the batch is written
 * ({@link org.jcm.settlement.feed.MarketEffects}).
 */
public final class BatchEffects {

    /** An instrument seen in the ledger and the first seq that showed it. */
    public record SeenInstrument(Instrument instrument, long firstSeq) {
    }

    /**
     * What the batch did to an account: opened it (at {@code openedSeq}, 0 if an earlier batch
     * did, for {@code organizationId}, null then) and/or closed it (at {@code closedSeq}, 0 if not).
     */
    public record AccountChange(String accountId, String organizationId, long openedSeq, long closedSeq) {
    }

    /**
     * A transfer naming a trade that the registry holds back (a transfer policy pended it), from
     * its {@code TransferPended} until it executes, is cancelled or expires.
     */
    public record HeldDelivery(String pendingTransferId, long seq, Instant at, String venue, String tradeId,
                               String fromAccountId, String toAccountId, long quantity) {
    }

    private final long fromSeq;
    private long toSeq;
    private String lastHash;
    private Instant lastAt;
    private final List<TradeLeg> legs = new ArrayList<>();
    private final List<PricedTransfer> pricedTransfers = new ArrayList<>();
    private final Map<VolumeKey, VolumeDelta> volumes = new LinkedHashMap<>();
    private final Map<String, SeenInstrument> instruments = new LinkedHashMap<>();
    private final Map<String, AccountChange> accounts = new LinkedHashMap<>();
    private final Map<String, HeldDelivery> held = new LinkedHashMap<>();
    private final List<String> released = new ArrayList<>();
    private final List<LedgerNotice> notices = new ArrayList<>();

    /** Effects of the events after {@code lastAppliedSeq}. */
    public BatchEffects(long lastAppliedSeq) {
        this.fromSeq = lastAppliedSeq + 1;
        this.toSeq = lastAppliedSeq;
    }

    /** Records that the event {@code seq} with this hash and time is part of the batch. */
    void advance(long seq, String hash, Instant at) {
        if (seq != toSeq + 1) {
            throw new IllegalStateException("batch expected seq " + (toSeq + 1) + " but got " + seq);
        }
        toSeq = seq;
        lastHash = hash;
        lastAt = at;
    }

    void addPricedTransfer(PricedTransfer transfer) {
        pricedTransfers.add(transfer);
        legs.addAll(transfer.legs());
    }

    void openAccount(String accountId, String organizationId, long seq) {
        accounts.put(accountId, new AccountChange(accountId, organizationId, seq, 0));
    }

    /** Adds what the event tells organizations; null (nothing to tell) is ignored. */
    void addNotice(LedgerNotice notice) {
        if (notice != null) {
            notices.add(notice);
        }
    }

    void closeAccount(String accountId, long seq) {
        AccountChange opened = accounts.get(accountId);
        accounts.put(accountId, opened == null ? new AccountChange(accountId, null, 0, seq)
                : new AccountChange(accountId, opened.organizationId(), opened.openedSeq(), seq));
    }

    void holdDelivery(HeldDelivery delivery) {
        held.put(delivery.pendingTransferId(), delivery);
    }

    /** The pending transfer ended (executed, cancelled, expired); a delivery it held is no longer held. */
    void releaseDelivery(String pendingTransferId) {
        if (held.remove(pendingTransferId) == null) {
            released.add(pendingTransferId);
        }
    }

    void seeInstrument(Instrument instrument, long seq) {
        instruments.putIfAbsent(instrument.code(), new SeenInstrument(instrument, seq));
    }

    VolumeDelta volume(String party, Instant at) {
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        return volumes.computeIfAbsent(new VolumeKey(party, day), k -> new VolumeDelta());
    }

    public long fromSeq() {
        return fromSeq;
    }

    public long toSeq() {
        return toSeq;
    }

    public boolean isEmpty() {
        return toSeq < fromSeq;
    }

    public int eventCount() {
        return (int) (toSeq - fromSeq + 1);
    }

    public String lastHash() {
        return lastHash;
    }

    public Instant lastAt() {
        return lastAt;
    }

    public List<TradeLeg> legs() {
        return legs;
    }

    public List<PricedTransfer> pricedTransfers() {
        return pricedTransfers;
    }

    public Map<VolumeKey, VolumeDelta> volumes() {
        return volumes;
    }

    public Map<String, SeenInstrument> instruments() {
        return instruments;
    }

    /** The deliveries the batch's pending transfers hold and that are still held at its end. */
    public List<HeldDelivery> heldDeliveries() {
        return List.copyOf(held.values());
    }

    /** The pending transfers of earlier batches that ended in this one (some held no delivery). */
    public List<String> releasedDeliveries() {
        return released;
    }

    /**
     * What the batch's events tell organizations, in ledger order, for webhooks: every transfer
     * (executed pending transfers included), pending transfers' turns and project-cycle changes.
     */
    public List<LedgerNotice> notices() {
        return notices;
    }

    /** The accounts the batch opened or closed, in the order it first touched them. */
    public Map<String, AccountChange> accounts() {
        return accounts;
    }
}
