package org.jcm.registry.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.credit.Beneficiary;
import org.jcm.ledger.id.OrganizationId;

/**
 * On whose behalf a retirement is made: {@code {"organizationId": "JPN01-O0002"}}, an organization of
 * the registry, or {@code {"stated": "Example Steel Co."}}, a name as the retiring organization
 * states it (unverified). A plain JSON string, the only form before organizations could be named,
 * is still accepted as {@code stated}.
 */
@Schema(description = "The beneficiary: exactly one of organizationId (an organization of the registry, which must exist) "
        + "and stated (free text, shown as stated by the retiring organization). A plain string is read as stated.")
public record BeneficiaryRequest(
        @Schema(description = "An organization of the registry", example = "JPN01-O0002") String organizationId,
        @Schema(description = "A third party's name as the retiring organization states it, 1 to 200 characters",
                example = "Example Steel Co.") String stated) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public BeneficiaryRequest(@JsonProperty("organizationId") String organizationId, @JsonProperty("stated") String stated) {
        this.organizationId = organizationId;
        this.stated = stated;
    }

    /** The form of older clients: a plain string names a stated beneficiary. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static BeneficiaryRequest ofStated(String stated) {
        return new BeneficiaryRequest(null, stated);
    }

    /**
     * The ledger's beneficiary; 400 {@code invalid_field} naming {@code field} (neither or both, or a
     * stated name that is not 1 to 200 characters of text) or {@code field.organizationId}.
     */
    public Beneficiary toBeneficiary(String field) {
        if ((organizationId == null) == (stated == null)) {
            throw Fields.invalid(field, "name exactly one of organizationId and stated.");
        }
        if (organizationId != null) {
            return new Beneficiary.Organization(Fields.parse(field + ".organizationId", organizationId, OrganizationId::parse));
        }
        return Fields.shape(() -> new Beneficiary.Stated(stated));
    }
}
