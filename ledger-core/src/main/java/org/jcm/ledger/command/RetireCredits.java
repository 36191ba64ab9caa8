package org.jcm.ledger.command;

import java.time.Year;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.Quantity;

/**
 * Moves units to the retirement account of the source account's registry so that they count
 * towards a target: purpose, beneficiary (an organization of the registry, which must exist:
 * {@code unknown_organization}, or a name as stated) and, for NDC use, the using Party and the calendar year of
 * use (required then; rejected with {@code use_details_required} if missing). Account holder.
 */
public record RetireCredits(AccountId fromAccountId, Quantity quantity, List<BlockSerial> serialRanges,
                            Optional<UnitFilter> filter, RetirementPurpose purpose, Optional<Beneficiary> beneficiary,
                            Optional<PartyCode> usingParty, Optional<Year> yearOfUse, Optional<String> note)
        implements Command {
    public RetireCredits {
        Objects.requireNonNull(fromAccountId, "fromAccountId");
        Objects.requireNonNull(quantity, "quantity");
        serialRanges = Selection.check(serialRanges, filter);
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(beneficiary, "beneficiary");
        Objects.requireNonNull(usingParty, "usingParty");
        Objects.requireNonNull(yearOfUse, "yearOfUse");
        yearOfUse.ifPresent(y -> {
            if (y.getValue() < 2013 || y.getValue() > 2100) {
                throw new InvalidValueException("yearOfUse", y.toString(), "must be a year from 2013 to 2100");
            }
        });
        note = Texts.optionalText("note", note, Texts.NOTE_MAX);
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitRetireCredits(this);
    }
}
