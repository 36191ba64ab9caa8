package org.jcm.ledger.state;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jcm.ledger.credit.BlockKey;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AuthorizationId;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.IssuanceRequestId;
import org.jcm.ledger.id.OrganizationId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;

/**
 * What the fold changed since the last drain, so that the writer persists only that
 * ({@link LedgerState#drainChanges()}). Blocks and accounts are marked with the current epoch
 * instead of hashed into sets; the other records are kept by key. While the undo journal records,
 * the changes to the tracking itself are journaled too, and {@link #undo} reverses them.
 */
final class ChangeTracker {

    private final UndoJournal journal;
    private boolean tracking = true;
    private long epoch = 1;
    private long drainedThroughSeq;
    private final ArrayList<Block> dirtyBlocks = new ArrayList<>();
    private final ArrayList<AccountState> dirtyAccounts = new ArrayList<>();
    private final Set<OrganizationId> dirtyOrganizations = new LinkedHashSet<>();
    private final Set<ProjectId> dirtyProjects = new LinkedHashSet<>();
    private final Set<AuthorizationId> dirtyAuthorizations = new LinkedHashSet<>();
    private final Set<IssuanceId> dirtyIssuances = new LinkedHashSet<>();
    private final Set<IssuanceRequestId> dirtyRequests = new LinkedHashSet<>();
    private final Set<PartyCode> dirtyParties = new LinkedHashSet<>();
    private final Set<RegistryId> dirtyRegistries = new LinkedHashSet<>();
    private boolean dirtyCaMethods;

    /** The change tracking as it was before a drain, to put back if the drain is undone. */
    record Pending(long epoch, long drainedThroughSeq, List<Block> blocks, List<AccountState> accounts,
                   List<OrganizationId> organizations, List<ProjectId> projects,
                   List<AuthorizationId> authorizations, List<IssuanceId> issuances,
                   List<IssuanceRequestId> requests, List<PartyCode> parties, List<RegistryId> registries,
                   boolean caMethods) {
    }

    ChangeTracker(UndoJournal journal) {
        this.journal = journal;
    }

    /** Turns tracking on or off; turning it off forgets what was pending. {@code lastSeq}: the last folded event. */
    void setTracking(boolean on, long lastSeq) {
        if (!on) {
            clear(lastSeq);
        }
        if (journal.on()) {
            journal.push(UndoOp.TRACKING, null, null, null, tracking ? 1 : 0, 0);
        }
        tracking = on;
    }

    /** What changed since the last drain, up to event {@code lastSeq}; starts a new period. */
    LedgerChanges drain(long lastSeq) {
        Set<BlockKey> blockKeys = new LinkedHashSet<>();
        for (Block b : dirtyBlocks) {
            blockKeys.add(new BlockKey(b.host, b.vintage, b.first));
        }
        Set<AccountId> accountIds = new LinkedHashSet<>();
        for (AccountState a : dirtyAccounts) {
            accountIds.add(a.id);
        }
        LedgerChanges changes = new LedgerChanges(drainedThroughSeq + 1, lastSeq, blockKeys, accountIds,
                Set.copyOf(dirtyOrganizations), Set.copyOf(dirtyProjects), Set.copyOf(dirtyAuthorizations),
                Set.copyOf(dirtyIssuances), Set.copyOf(dirtyRequests), Set.copyOf(dirtyParties),
                Set.copyOf(dirtyRegistries), dirtyCaMethods);
        clear(lastSeq);
        return changes;
    }

    private void clear(long lastSeq) {
        if (journal.on()) {
            journal.push(UndoOp.DRAIN, new Pending(epoch, drainedThroughSeq, new ArrayList<>(dirtyBlocks),
                    new ArrayList<>(dirtyAccounts), new ArrayList<>(dirtyOrganizations), new ArrayList<>(dirtyProjects),
                    new ArrayList<>(dirtyAuthorizations), new ArrayList<>(dirtyIssuances), new ArrayList<>(dirtyRequests),
                    new ArrayList<>(dirtyParties), new ArrayList<>(dirtyRegistries), dirtyCaMethods), null, null, 0, 0);
        }
        epoch++;
        drainedThroughSeq = lastSeq;
        dirtyBlocks.clear();
        dirtyAccounts.clear();
        dirtyOrganizations.clear();
        dirtyProjects.clear();
        dirtyAuthorizations.clear();
        dirtyIssuances.clear();
        dirtyRequests.clear();
        dirtyParties.clear();
        dirtyRegistries.clear();
        dirtyCaMethods = false;
    }

    /**
     * Journals a mark: it records how many blocks and accounts are tracked, so that the touches
     * after it need no entries of their own. Returns the mark's position in the journal.
     */
    int mark() {
        int at = journal.size();
        journal.push(UndoOp.MARK, null, null, null, dirtyBlocks.size(), dirtyAccounts.size());
        return at;
    }

    // ------------------------------------------------------------------ touches by the fold

    void touch(Block b) {
        // Not journaled: rolling back to a mark drops the blocks added since (see UndoOp.MARK).
        if (tracking && b.dirtyEpoch != epoch) {
            b.dirtyEpoch = epoch;
            dirtyBlocks.add(b);
        }
    }

    void touch(AccountState a) {
        if (tracking && a.dirtyEpoch != epoch) {
            a.dirtyEpoch = epoch;
            dirtyAccounts.add(a);
        }
    }

    void touchOrganization(OrganizationId id) {
        touch(dirtyOrganizations, id);
    }

    void touchProject(ProjectId id) {
        touch(dirtyProjects, id);
    }

    void touchAuthorization(AuthorizationId id) {
        touch(dirtyAuthorizations, id);
    }

    void touchIssuance(IssuanceId id) {
        touch(dirtyIssuances, id);
    }

    void touchRequest(IssuanceRequestId id) {
        touch(dirtyRequests, id);
    }

    void touchParty(PartyCode code) {
        touch(dirtyParties, code);
    }

    void touchRegistry(RegistryId id) {
        touch(dirtyRegistries, id);
    }

    /** A Party fixed a CA method for an NDC period. */
    void touchCaMethods() {
        if (journal.on()) {
            journal.push(UndoOp.DIRTY_CA_METHODS, null, null, null, dirtyCaMethods ? 1 : 0, 0);
        }
        dirtyCaMethods |= tracking;
    }

    private <T> void touch(Set<T> set, T key) {
        if (tracking && set.add(key) && journal.on()) {
            journal.push(UndoOp.COLLECTION_ADD, set, key, null, 0, 0);
        }
    }

    // ------------------------------------------------------------------ undo

    /** Reverses one entry of the {@link UndoOp#TRACKING_GROUP} group (already removed from the journal). */
    void undo(int op, Object a, long n, int i) {
        switch (op) {
            case UndoOp.DIRTY_CA_METHODS:
                dirtyCaMethods = n != 0;
                break;
            case UndoOp.TRACKING:
                tracking = n != 0;
                break;
            case UndoOp.DRAIN:
                restore((Pending) a);
                break;
            case UndoOp.MARK:
                // Blocks and accounts first touched since the mark are no longer dirty in this epoch.
                for (int k = dirtyBlocks.size() - 1; k >= n; k--) {
                    dirtyBlocks.remove(k).dirtyEpoch = 0;
                }
                for (int k = dirtyAccounts.size() - 1; k >= i; k--) {
                    dirtyAccounts.remove(k).dirtyEpoch = 0;
                }
                break;
            default:
                throw new IllegalStateException("unknown undo operation " + op);
        }
    }

    private void restore(Pending p) {
        epoch = p.epoch();
        drainedThroughSeq = p.drainedThroughSeq();
        dirtyBlocks.clear();
        dirtyBlocks.addAll(p.blocks());
        dirtyAccounts.clear();
        dirtyAccounts.addAll(p.accounts());
        // Whatever touched them after the drain was undone: they are dirty in the restored epoch.
        for (Block b : dirtyBlocks) {
            b.dirtyEpoch = epoch;
        }
        for (AccountState a : dirtyAccounts) {
            a.dirtyEpoch = epoch;
        }
        refill(dirtyOrganizations, p.organizations());
        refill(dirtyProjects, p.projects());
        refill(dirtyAuthorizations, p.authorizations());
        refill(dirtyIssuances, p.issuances());
        refill(dirtyRequests, p.requests());
        refill(dirtyParties, p.parties());
        refill(dirtyRegistries, p.registries());
        dirtyCaMethods = p.caMethods();
    }

    private static <T> void refill(Set<T> set, List<T> values) {
        set.clear();
        set.addAll(values);
    }
}
