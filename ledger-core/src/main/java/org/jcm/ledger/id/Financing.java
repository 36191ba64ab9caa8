package org.jcm.ledger.id;

import java.util.Objects;
import java.util.Optional;

/**
 * How a project is financed: {@code GOVERNMENT_FINANCED} with the supporting programme and agency
 * (e.g. "JCM Model Projects", "Ministry of the Environment, Japan"), or {@code PRIVATE} with
 * neither; and Japan's share of the financing in basis points (0 to 10000), which the Joint
 * Committee's allocation to the Japanese government follows: the issuance decision allocates to
 * Japan's government at least {@code floor(total * japanShareBasisPoints / 10000)}.
 */
public record Financing(FinancingKind kind, Optional<String> programme, Optional<String> agency, int japanShareBasisPoints) {

    public Financing {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(programme, "programme");
        Objects.requireNonNull(agency, "agency");
        programme.ifPresent(p -> Checks.freeText("Financing.programme", p, 200));
        agency.ifPresent(a -> Checks.freeText("Financing.agency", a, 200));
        boolean named = programme.isPresent() && agency.isPresent();
        boolean none = programme.isEmpty() && agency.isEmpty();
        if (kind == FinancingKind.GOVERNMENT_FINANCED ? !named : !none) {
            throw new InvalidValueException("Financing", kind.name(), kind == FinancingKind.GOVERNMENT_FINANCED
                    ? "a government-financed project names its programme and agency" : "a private project names no programme or agency");
        }
        if (japanShareBasisPoints < 0 || japanShareBasisPoints > 10_000) {
            throw new InvalidValueException("Financing.japanShareBasisPoints", Integer.toString(japanShareBasisPoints),
                    "must be from 0 to 10000");
        }
    }

    public static Financing privately(int japanShareBasisPoints) {
        return new Financing(FinancingKind.PRIVATE, Optional.empty(), Optional.empty(), japanShareBasisPoints);
    }

    public static Financing government(String programme, String agency, int japanShareBasisPoints) {
        return new Financing(FinancingKind.GOVERNMENT_FINANCED, Optional.of(programme), Optional.of(agency), japanShareBasisPoints);
    }

    /** The least the Japanese government must be allocated of {@code total}: floor(total * share / 10000). */
    public long japanMinimum(long total) {
        // total = q * 10000 + r, so floor(total * share / 10000) = q * share + floor(r * share / 10000), without overflow.
        return total / 10_000 * japanShareBasisPoints + total % 10_000 * japanShareBasisPoints / 10_000;
    }
}
