package org.jcm.registry.api;

import java.time.Year;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.ApplyCorrespondingAdjustment;
import org.jcm.ledger.credit.CaMethod;
import org.jcm.ledger.id.PartyCode;

/** The host government records the corresponding adjustment for first-transferred units. */
@Schema(description = "A corresponding adjustment by the host Party's government: first-transferred units (PENDING) of "
        + "vintage `year` become APPLIED. Units by serialRanges or by firstTransferSeqs, exactly one.")
public record CorrespondingAdjustmentRequest(
        @Schema(description = "The host Party (alpha-3), the token's own", example = "MNG", required = true) String party,
        @Schema(description = "The year adjusted for: the units' vintage", example = "2024", required = true) Integer year,
        @Schema(description = "TRAJECTORY, AVERAGING or MULTI_YEAR_BUDGET; fixed per Party and NDC period by the first "
                + "adjustment in it", example = "AVERAGING", required = true) CaMethod method,
        @Schema(description = "The units, as block serials", example = "[\"JCM-MN001-2024-1-250\"]") List<String> serialRanges,
        @Schema(description = "Or the units of these FirstTransferRecorded events, by seq", example = "[118]")
        List<Long> firstTransferSeqs) {

    public ApplyCorrespondingAdjustment toCommand() {
        PartyCode code = Fields.parse("party", party, PartyCode::parse);
        Fields.required("year", year);
        Fields.required("method", method);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        return Fields.shape(() -> new ApplyCorrespondingAdjustment(code, Year.of(year), method, serials,
                firstTransferSeqs == null ? List.of() : firstTransferSeqs));
    }
}
