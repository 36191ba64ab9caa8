package org.jcm.ledger.command;

import java.time.Year;
import java.util.List;
import java.util.Objects;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.serial.BlockSerial;

/**
 * The host government records the corresponding adjustment for first-transferred units (PENDING
 * to APPLIED), for their vintage {@code year}, with its method (fixed per Party and NDC period).
 * Units by {@code serialRanges} or by {@code firstTransferSeqs} (sequence numbers of
 * FirstTransferRecorded events), exactly one of the two.
 */
public record ApplyCorrespondingAdjustment(PartyCode party, Year year, CaMethod method, List<BlockSerial> serialRanges,
                                           List<Long> firstTransferSeqs) implements ProposableAction {
    public ApplyCorrespondingAdjustment {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(method, "method");
        serialRanges = Texts.list("serialRanges", serialRanges, Selection.MAX_RANGES);
        firstTransferSeqs = Texts.list("firstTransferSeqs", firstTransferSeqs, Selection.MAX_RANGES);
        if (serialRanges.isEmpty() == firstTransferSeqs.isEmpty()) {
            throw new InvalidValueException("serialRanges", serialRanges.toString(), "name the units by serialRanges or by firstTransferSeqs, exactly one");
        }
        for (Long seq : firstTransferSeqs) {
            if (seq < 1) {
                throw new InvalidValueException("firstTransferSeqs", seq.toString(), "must be sequence numbers from 1");
            }
        }
    }

    @Override
    public <R> R accept(Command.Visitor<R> visitor) {
        return visitor.visitApplyCorrespondingAdjustment(this);
    }

    @Override
    public <R> R acceptAction(ProposableAction.Visitor<R> visitor) {
        return visitor.visitApplyCorrespondingAdjustment(this);
    }
}
