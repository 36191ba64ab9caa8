package org.jcm.registry.api;

import java.time.Year;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.RetireCredits;
import org.jcm.ledger.credit.RetirementPurpose;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PartyCode;

/** Moves units to the registry's retirement account so that they count towards a target. */
@Schema(description = "A retirement: units leave a holding account for the registry's retirement account and count "
        + "towards a target")
public record RetirementRequest(
        @Schema(description = "Source holding account", example = "JPN01-H00002", required = true) String fromAccountId,
        @Schema(description = "Units, tonnes CO2e", example = "100", required = true) Long quantity,
        @Schema(description = "Exact units as block serials", example = "[\"JCM-MN001-2024-1001-1100\"]") List<String> serialRanges,
        @Schema(description = "Which units to select; not together with serialRanges") UnitFilterRequest filter,
        @Schema(description = "NDC, OIMP or VOLUNTARY", example = "VOLUNTARY", required = true) RetirementPurpose purpose,
        @Schema(description = "On whose behalf: {\"organizationId\": ...} or {\"stated\": ...}; a plain string is read as "
                + "stated") BeneficiaryRequest beneficiary,
        @Schema(description = "For NDC use: the using Party (alpha-3)", example = "JPN") String usingParty,
        @Schema(description = "For NDC use: the calendar year of use", example = "2025") Integer yearOfUse,
        @Schema(description = "Free text, up to 1,000 characters") String note) {

    public RetireCredits toCommand() {
        AccountId from = Fields.parse("fromAccountId", fromAccountId, AccountId::parse);
        var units = Fields.quantity("quantity", quantity);
        var serials = Fields.serialRanges("serialRanges", serialRanges);
        var unitFilter = filter == null ? Optional.<org.jcm.ledger.command.UnitFilter>empty() : Optional.of(filter.toFilter("filter"));
        Fields.required("purpose", purpose);
        var party = Fields.optional("usingParty", usingParty, PartyCode::parse);
        var year = Optional.ofNullable(yearOfUse).map(Year::of);
        var onBehalfOf = Optional.ofNullable(beneficiary).map(b -> b.toBeneficiary("beneficiary"));
        return Fields.shape(() -> new RetireCredits(from, units, serials, unitFilter, purpose, onBehalfOf,
                party, year, Optional.ofNullable(note)));
    }
}
