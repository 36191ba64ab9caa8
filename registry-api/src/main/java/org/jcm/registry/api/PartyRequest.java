package org.jcm.registry.api;

import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.RegisterParty;
import org.jcm.ledger.command.UpdateParty;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;

/**
 * A Party as the operator registers it ({@code POST /parties}, with its code) or replaces it
 * ({@code PUT /parties/{code}}, the code in the path; a code in the body must be the same).
 */
@Schema(description = "A Party or partner region: its whole reference data")
public record PartyRequest(
        @Schema(description = "ISO 3166 alpha-3 (POST; in PUT optional and equal to the path's)", example = "MYS") String code,
        @Schema(description = "ISO 3166 alpha-2", example = "MY", required = true) String iso2,
        @Schema(description = "Name, 1 to 200 characters", example = "Malaysia", required = true) String name,
        @Schema(description = "JAPAN, PARTNER or CANDIDATE", example = "PARTNER", required = true) String jcmStatus,
        @Schema(description = "Whether it is a Party to the Paris Agreement", required = true) Boolean parisAgreementParty,
        @Schema(description = "Cooperative approach id of the partnership (CA + 4 digits), if any", example = "CA0040")
        String cooperativeApproachId,
        @Schema(description = "Date the JCM partnership document was signed: required for a partner, absent otherwise",
                example = "2026-12-07") String signingDate,
        @Schema(description = "UNFCCC sectoral scope numbers (1 to 15) its agreement covers", example = "[1, 3, 7]")
        List<Integer> sectoralScopes) {

    /** The command of {@code POST /parties}. */
    public RegisterParty toRegister() {
        return new RegisterParty(party(Fields.parse("code", code, PartyCode::parse)));
    }

    /** The command of {@code PUT /parties/{code}}. */
    public UpdateParty toUpdate(String pathCode) {
        PartyCode path = Fields.parse("code", pathCode, PartyCode::parse);
        if (code != null && !code.equals(path.value())) {
            throw Fields.invalid("code", "must be the code of the path (" + path.value() + ") or absent.");
        }
        return new UpdateParty(party(path));
    }

    private Party party(PartyCode party) {
        Fields.required("iso2", iso2);
        Fields.required("name", name);
        JcmStatus status = CycleFields.enumValue("jcmStatus", jcmStatus, JcmStatus.class);
        boolean paris = Fields.required("parisAgreementParty", parisAgreementParty);
        Optional<CooperativeApproachId> approach = Fields.optional("cooperativeApproachId", cooperativeApproachId,
                CooperativeApproachId::parse);
        var date = CycleFields.date("signingDate", signingDate);
        var scopes = CycleFields.scopes("sectoralScopes", sectoralScopes);
        return Fields.shape(() -> new Party(iso2, party, name, status, paris, approach, date, scopes));
    }
}
