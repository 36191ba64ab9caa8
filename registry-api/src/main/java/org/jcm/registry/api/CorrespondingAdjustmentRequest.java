package org.jcm.registry.api;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.id.PartyCode;

/** The host government records a corresponding adjustment for first-transferred units. */
@Schema(description = "A corresponding adjustment by the host Party for first-transferred units, by serialRanges or "
        + "firstTransferSeqs")
public record CorrespondingAdjustmentRequest(
        @Schema(description = "The host Party, alpha-3", example = "MNG", required = true) String party,
        @Schema(description = "The vintage year adjusted for", example = "2024", required = true) Integer year,
        @Schema(description = "TRAJECTORY, AVERAGING or MULTI_YEAR_BUDGET", example = "TRAJECTORY", required = true)
        CaMethod method,
        @Schema(description = "The units", example = "[\"JCM-MN001-2024-1-250\"]") List<String> serialRanges,
        @Schema(description = "Or the seqs of FirstTransferRecorded events", example = "[63]") List<Long> firstTransferSeqs) {

    public ApplyCorrespondingAdjustment toCommand() {
        PartyCode code = Fields.parse("party", party, PartyCode::parse);
        Fields.required("year", year);
        if (year < 2013 || year > 2100) {
            throw Fields.invalid("year", "must be a year from 2013 to 2100.");
        }
        Fields.required("method", method);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        List<Long> seqs = new ArrayList<>();
        if (firstTransferSeqs != null) {
            for (int i = 0; i < firstTransferSeqs.size(); i++) {
                seqs.add(Fields.required("firstTransferSeqs[" + i + "]", firstTransferSeqs.get(i)));
            }
        }
        return Fields.shape(() -> new ApplyCorrespondingAdjustment(code, Year.of(year), method, serials, seqs));
    }
}
