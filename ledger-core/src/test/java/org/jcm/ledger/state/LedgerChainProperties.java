package org.jcm.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.canonical.ChainEntry;
import org.jcm.ledger.canonical.ChainVerification;
import org.jcm.ledger.canonical.ChainVerification.Broken;
import org.jcm.ledger.canonical.ChainVerification.Problem;
import org.jcm.ledger.canonical.HashChain;
import org.jcm.ledger.canonical.Jcs;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.credit.BlockStatus;
import org.jcm.ledger.credit.CaState;
import org.jcm.ledger.credit.CreditBlock;
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
import org.jcm.ledger.event.PendingTransferExecuted;
import org.jcm.ledger.event.UnitsAuthorized;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the events the state machine emits for random command sequences, once stored the
 * way the registry stores them (canonical JSON from {@code EventCodec.toJson} and {@code Jcs},
 * chained with {@code HashChain}): the stored log replays to the live state, any flipped byte is
 * detected at its entry, and every unit's history can be read back from the events alone.
 */
class LedgerChainProperties {

    /** The parts of a stored entry that an attacker or a fault could alter. */
    enum Part { EVENT, PREV_HASH, HASH }

    @Provide
    Arbitrary<List<RandomCommands.Step>> steps() {
        return RandomCommands.steps(40);
    }

    @Property(tries = 1000)
    void the_stored_log_verifies_and_replays_from_its_canonical_text_to_the_live_state(
            @ForAll("steps") List<RandomCommands.Step> steps) {
        Fixture f = LedgerProperties.play(steps);
        List<ChainEntry> chain = store(f.events);

        ChainVerification verified = HashChain.verify(chain);
        assertThat(verified).isEqualTo(new ChainVerification.Intact(f.events.size(),
                HashChain.toHex(chain.get(chain.size() - 1).hash()), f.events.size()));
        // As at start-up: parse and decode each stored text, check its link, fold it.
        LedgerState replayed = new LedgerState();
        byte[] last = HashChain.zero();
        for (ChainEntry entry : chain) {
            @SuppressWarnings("unchecked")
            Map<String, Object> tree = (Map<String, Object>) Json.parse(new String(entry.canonicalEvent(), StandardCharsets.UTF_8));
            assertThat(Jcs.canonicalBytes(tree)).isEqualTo(entry.canonicalEvent());
            assertThat(entry.prevHash()).isEqualTo(last);
            last = HashChain.next(last, entry.canonicalEvent());
            assertThat(entry.hash()).isEqualTo(last);
            replayed.apply(EventCodec.fromJson(tree));
        }
        assertThat(replayed.snapshot()).isEqualTo(f.state.snapshot());
    }

    @Property(tries = 1000)
    void flipping_any_byte_of_any_stored_state_machine_event_is_detected_at_that_entry(
            @ForAll("steps") List<RandomCommands.Step> steps,
            @ForAll @IntRange(min = 0, max = 1_000_000) int entryPick,
            @ForAll Part part,
            @ForAll @IntRange(min = 0, max = 1_000_000) int bytePick,
            @ForAll @IntRange(min = 1, max = 255) int mask) {
        Fixture f = LedgerProperties.play(steps);
        List<ChainEntry> chain = store(f.events);
        int index = entryPick % chain.size();
        ChainEntry entry = chain.get(index);
        byte[] event = entry.canonicalEvent().clone();
        byte[] prevHash = entry.prevHash().clone();
        byte[] hash = entry.hash().clone();
        byte[] target = part == Part.EVENT ? event : part == Part.PREV_HASH ? prevHash : hash;
        target[bytePick % target.length] ^= (byte) mask;
        chain.set(index, new ChainEntry(entry.seq(), prevHash, hash, event));

        ChainVerification result = HashChain.verify(chain);

        assertThat(result).isInstanceOf(Broken.class);
        Broken broken = (Broken) result;
        assertThat(broken.seq()).isEqualTo(index + 1L);
        assertThat(broken.problem()).isEqualTo(part == Part.PREV_HASH ? Problem.PREV_HASH_MISMATCH : Problem.HASH_MISMATCH);
    }

    @Property(tries = 1000)
    void every_units_history_read_from_the_events_alone_ends_in_its_live_block(
            @ForAll("steps") List<RandomCommands.Step> steps) {
        Fixture f = LedgerProperties.play(steps);
        List<CreditBlock> live = f.state.blocks(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(live).isNotEmpty();
        for (CreditBlock block : live) {
            long[] units = {block.range().first(), (block.range().first() + block.range().last()) / 2, block.range().last()};
            for (long unit : units) {
                UnitHistory history = UnitHistory.of(f.events, block, unit);
                assertThat(history.issuedBySeq).as("unit %d of %s", unit, block).isPositive();
                assertThat(history.holder).as("holder of unit %d of %s after events %s", unit, block, history.seqs).isEqualTo(block.holderAccountId());
                assertThat(history.status).as("status of unit %d of %s", unit, block).isEqualTo(block.status());
                assertThat(history.authorization).as("authorization of unit %d of %s", unit, block)
                        .isEqualTo(block.authorizationId());
                assertThat(history.caState).as("CA state of unit %d of %s", unit, block).isEqualTo(block.caState());
                assertThat(history.firstTransferred).as("first transfer of unit %d of %s", unit, block)
                        .isEqualTo(block.firstTransferred());
            }
        }
    }

    /** Encodes and chains events as the writer stores them. */
    static List<ChainEntry> store(List<LedgerEvent> events) {
        List<ChainEntry> chain = new ArrayList<>();
        byte[] previous = HashChain.zero();
        for (LedgerEvent e : events) {
            byte[] canonical = Jcs.canonicalBytes(EventCodec.toJson(e));
            byte[] hash = HashChain.next(previous, canonical);
            chain.add(new ChainEntry(e.seq(), previous, hash, canonical));
            previous = hash;
        }
        return chain;
    }

    /**
     * One unit's attributes rebuilt by walking the events that name it (the explicit ranges every
     * movement, authorization and adjustment event carries), without the state machine.
     */
    static final class UnitHistory {
        long issuedBySeq;
        AccountId holder;
        BlockStatus status;
        Optional<AuthorizationId> authorization = Optional.empty();
        CaState caState = CaState.NOT_REQUIRED;
        boolean firstTransferred;
        final List<Long> seqs = new ArrayList<>();

        static UnitHistory of(List<LedgerEvent> events, CreditBlock block, long unit) {
            UnitHistory h = new UnitHistory();
            for (LedgerEvent event : events) {
                if (event instanceof CreditsIssued e) {
                    if (e.hostParty().equals(block.hostParty()) && e.vintage().equals(block.vintage())) {
                        for (IssuedAllocation a : e.allocations()) {
                            if (a.first() <= unit && unit <= a.last()) {
                                h.issuedBySeq = e.seq();
                                h.holder = a.accountId();
                                h.status = BlockStatus.ACTIVE;
                                h.seqs.add(e.seq());
                            }
                        }
                    }
                } else if (names(event, block, unit)) {
                    h.seqs.add(event.seq());
                    if (event instanceof CreditsTransferred e) {
                        h.holder = e.toAccountId();
                    } else if (event instanceof PendingTransferExecuted e) {
                        h.holder = e.toAccountId();
                    } else if (event instanceof CreditsCancelled e) {
                        h.holder = e.toAccountId();
                        h.status = BlockStatus.CANCELLED;
                    } else if (event instanceof CreditsRetired e) {
                        h.holder = e.toAccountId();
                        h.status = BlockStatus.RETIRED;
                    } else if (event instanceof UnitsAuthorized e) {
                        h.authorization = Optional.of(e.authorizationId());
                        h.caState = CaState.COMMITTED;
                    } else if (event instanceof AuthorizationAmended e) {
                        h.authorization = Optional.of(e.authorizationId());
                        h.caState = CaState.COMMITTED;
                    } else if (event instanceof AuthorizationRevoked) {
                        h.authorization = Optional.empty();
                        h.caState = CaState.NOT_REQUIRED;
                    } else if (event instanceof FirstTransferRecorded) {
                        h.firstTransferred = true;
                        h.caState = CaState.PENDING;
                    } else if (event instanceof CorrespondingAdjustmentApplied) {
                        h.caState = CaState.APPLIED;
                    }
                }
            }
            return h;
        }

        /** True if the event carries a range holding this unit of the block's host Party and vintage. */
        private static boolean names(LedgerEvent event, CreditBlock block, long unit) {
            for (BlockRange r : ranges(event)) {
                if (r.hostParty().equals(block.hostParty()) && r.vintage().equals(block.vintage())
                        && r.first() <= unit && unit <= r.last()) {
                    return true;
                }
            }
            return false;
        }

        private static List<BlockRange> ranges(LedgerEvent event) {
            if (event instanceof CreditsTransferred e) {
                return e.ranges();
            } else if (event instanceof PendingTransferExecuted e) {
                return e.ranges();
            } else if (event instanceof CreditsCancelled e) {
                return e.ranges();
            } else if (event instanceof CreditsRetired e) {
                return e.ranges();
            } else if (event instanceof UnitsAuthorized e) {
                return e.ranges();
            } else if (event instanceof AuthorizationAmended e) {
                return e.ranges();
            } else if (event instanceof AuthorizationRevoked e) {
                return e.ranges();
            } else if (event instanceof FirstTransferRecorded e) {
                return e.ranges();
            } else if (event instanceof CorrespondingAdjustmentApplied e) {
                return e.ranges();
            }
            return List.of();
        }
    }
}
