package org.jcm.ledger.state;

import org.jcm.ledger.event.AccountClosed;
import org.jcm.ledger.event.AccountOpened;
import org.jcm.ledger.event.OrganizationRegistered;
import org.jcm.ledger.event.ProjectRegistered;
import org.jcm.ledger.event.RegistryRegistered;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.AccountType;
import org.jcm.ledger.id.Party;

/**
 * The fold of reference data events: Parties, registries (with their terminal accounts),
 * organizations, holding accounts and their freezing and closing, projects. Each checks that the
 * event fits the state (a replayed log may be damaged) and names what it changed to the tracker.
 */
final class ReferenceFold {

    private final LedgerData data;
    private final JournaledWrites writes;
    private final ChangeTracker changes;

    ReferenceFold(LedgerData data, JournaledWrites writes, ChangeTracker changes) {
        this.data = data;
        this.writes = writes;
        this.changes = changes;
    }

    void party(long seq, Party party, boolean isNew) {
        Party old = data.parties.get(party.code());
        if (isNew == (old != null)) {
            throw new InconsistentEventException(seq, "party " + party.code() + (isNew ? " exists" : " is unknown"));
        }
        if (old != null) {
            writes.remove(data.partiesByIso2, old.iso2());
        }
        Party other = data.partiesByIso2.get(party.iso2());
        if (other != null) {
            throw new InconsistentEventException(seq, "alpha-2 code " + party.iso2() + " belongs to " + other.code());
        }
        writes.put(data.parties, party.code(), party);
        writes.put(data.partiesByIso2, party.iso2(), party);
        changes.touchParty(party.code());
    }

    void registry(RegistryRegistered e) {
        if (data.registries.containsKey(e.registryId()) || !data.parties.containsKey(e.party())) {
            throw new InconsistentEventException(e.seq(), "registry " + e.registryId() + " exists or its Party is unknown");
        }
        AccountState cancellation = new AccountState(e.cancellationAccountId(), e.registryId(), null,
                AccountType.CANCELLATION, e.name() + " cancellation");
        AccountState retirement = new AccountState(e.retirementAccountId(), e.registryId(), null,
                AccountType.RETIREMENT, e.name() + " retirement");
        if (!cancellation.id.equals(AccountId.cancellation(e.registryId()))
                || !retirement.id.equals(AccountId.retirement(e.registryId()))) {
            throw new InconsistentEventException(e.seq(), "terminal account ids do not belong to " + e.registryId());
        }
        writes.put(data.registries, e.registryId(), new RegistryState(e.registryId(), e.party(), e.name(), cancellation,
                retirement));
        writes.put(data.accounts, cancellation.id, cancellation);
        writes.put(data.accounts, retirement.id, retirement);
        changes.touch(cancellation);
        changes.touch(retirement);
        changes.touchRegistry(e.registryId());
    }

    void organization(OrganizationRegistered e) {
        RegistryState r = data.registry(e.seq(), e.registryId());
        if (!e.organizationId().registryId().equals(r.id) || e.organizationId().number() != r.nextOrganization) {
            throw new InconsistentEventException(e.seq(), "expected organization number " + r.nextOrganization + " of " + r.id);
        }
        writes.advanceOrganizationNumber(r);
        writes.put(data.organizations, e.organizationId(), new Organization(e.organizationId(), e.registryId(), e.name()));
        changes.touchOrganization(e.organizationId());
        changes.touchRegistry(r.id);
    }

    void accountOpened(AccountOpened e) {
        RegistryState r = data.registry(e.seq(), e.registryId());
        Organization org = data.organizations.get(e.organizationId());
        if (org == null || !org.registryId().equals(r.id) || !e.accountId().registryId().equals(r.id)
                || e.accountId().type() != AccountType.HOLDING || e.accountId().number() != r.nextAccount) {
            throw new InconsistentEventException(e.seq(), "expected holding account number " + r.nextAccount + " of " + r.id);
        }
        writes.advanceAccountNumber(r);
        AccountState a = new AccountState(e.accountId(), r.id, e.organizationId(), AccountType.HOLDING, e.name());
        writes.put(data.accounts, a.id, a);
        changes.touch(a);
        changes.touchRegistry(r.id);
    }

    void frozen(long seq, AccountId id, boolean frozen) {
        AccountState a = data.holdingAccount(seq, id);
        writes.setFrozen(a, frozen);
        changes.touch(a);
    }

    void closed(AccountClosed e) {
        AccountState a = data.holdingAccount(e.seq(), e.accountId());
        if (a.totalUnits != 0) {
            throw new InconsistentEventException(e.seq(), "account " + a.id + " still holds units");
        }
        writes.close(a);
        changes.touch(a);
    }

    void project(ProjectRegistered e) {
        if (data.projects.containsKey(e.projectId())) {
            throw new InconsistentEventException(e.seq(), "project " + e.projectId() + " exists");
        }
        writes.put(data.projects, e.projectId(), new Project(e.projectId(), e.hostParty(), e.registryId(), e.title(),
                e.methodologyId(), e.participants()));
        changes.touchProject(e.projectId());
    }
}
