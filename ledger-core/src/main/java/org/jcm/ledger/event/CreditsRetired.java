package org.jcm.ledger.event;

import java.time.Instant;
import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PartyCode;

/**
 * Units moved to a registry's retirement account and became RETIRED (for NDC use: using Party and
 * year of use), on behalf of a beneficiary: a stated name is encoded as {@code beneficiary}, as
 * events written before organizations could be named are; an organization as
 * {@code beneficiaryOrganizationId}.
 */
public record CreditsRetired(long seq, Instant at, Actor actor, AccountId fromAccountId, AccountId toAccountId,
                             long quantity, List<BlockRange> ranges, RetirementPurpose purpose,
                             Optional<Beneficiary> beneficiary, Optional<PartyCode> usingParty, Optional<Year> yearOfUse,
                             Optional<String> note) implements LedgerEvent {
    public CreditsRetired {
        at = Header.check(seq, at, actor);
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(toAccountId, "toAccountId");
        ranges = List.copyOf(ranges);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(usingParty, "usingParty");
        Objects.requireNonNull(yearOfUse, "yearOfUse");
        Objects.requireNonNull(note, "note");
    }

    @Override
    public <R> R accept(LedgerEvent.Visitor<R> visitor) {
        return visitor.visitCreditsRetired(this);
    }
}
