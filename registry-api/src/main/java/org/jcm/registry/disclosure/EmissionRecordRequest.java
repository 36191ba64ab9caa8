package org.jcm.registry.disclosure;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.serial.Quantity;
import org.jcm.registry.api.Fields;

/**
 * One version of an organization's gross emissions for a Japanese fiscal year, as its account
 * holder states them (docs/disclosure.md). A correction names the version it corrects in
 * {@code supersedes}; the first version of a fiscal year has none.
 */
@Schema(description = "Gross emissions of an organization for a Japanese fiscal year (April to March), whole tonnes")
public record EmissionRecordRequest(
        @Schema(description = "Japanese fiscal year N: 1 April N to 31 March N+1", example = "2025", required = true)
        Integer fiscalYear,
        @Schema(description = "Scope 1 (direct) emissions, whole t-CO2e", example = "120000", required = true) Long scope1,
        @Schema(description = "Scope 2 (purchased energy) emissions, whole t-CO2e", example = "45000", required = true)
        Long scope2,
        @Schema(description = "How scope 2 was computed: LOCATION or MARKET based", example = "MARKET", required = true)
        String scope2Basis,
        @Schema(description = "Scope 3 (value chain) emissions, whole t-CO2e; optional", example = "800000", nullable = true)
        Long scope3,
        @Schema(description = "Always t-CO2e", example = "t-CO2e", required = true) String unit,
        @Schema(description = "Where the figures come from (report, system, method), 1 to 500 characters",
                example = "FY2025 GHG inventory, SHK report submitted 2026-07-31", required = true) String source,
        @Schema(description = "The assurance of the figures (provider, standard, report id), 1 to 500 characters",
                example = "Limited assurance, ISAE 3410, Example Assurance LLC report A-2026-17", required = true)
        String assuranceReference,
        @Schema(description = "The version this one corrects: the latest version of the fiscal year; absent for the first",
                example = "1", nullable = true) Integer supersedes) {

    /** The checked statement for the organization in the path; 400 {@code invalid_field} names what is wrong. */
    public EmissionStatement toStatement(String organizationId) {
        int year = Fields.required("fiscalYear", fiscalYear);
        if (year < 2013 || year > 2100) {
            throw Fields.invalid("fiscalYear", "must be a Japanese fiscal year from 2013 to 2100, was " + year + ".");
        }
        if (!EmissionRecord.UNIT.equals(Fields.required("unit", unit))) {
            throw Fields.invalid("unit", "must be t-CO2e (whole tonnes of CO2 equivalent).");
        }
        if (!EmissionStatement.BASES.contains(Fields.required("scope2Basis", scope2Basis))) {
            throw Fields.invalid("scope2Basis", "must be LOCATION or MARKET.");
        }
        if (supersedes != null && supersedes < 1) {
            throw Fields.invalid("supersedes", "must be the version corrected, 1 or more.");
        }
        return new EmissionStatement(organizationId, year, tonnes("scope1", Fields.required("scope1", scope1)),
                tonnes("scope2", Fields.required("scope2", scope2)), scope2Basis, scope3 == null ? null : tonnes("scope3", scope3),
                text("source", source), text("assuranceReference", assuranceReference), supersedes);
    }

    private static long tonnes(String field, long value) {
        if (value < 0 || value > Quantity.MAX) {
            throw Fields.invalid(field, "must be whole tonnes from 0 to 9007199254740991 (2^53 - 1), was " + value + ".");
        }
        return value;
    }

    private static String text(String field, String value) {
        Fields.required(field, value);
        if (value.isBlank() || value.length() > EmissionStatement.MAX_TEXT || value.chars().anyMatch(Character::isISOControl)) {
            throw Fields.invalid(field, "must be 1 to " + EmissionStatement.MAX_TEXT + " characters without control characters.");
        }
        return value;
    }
}
