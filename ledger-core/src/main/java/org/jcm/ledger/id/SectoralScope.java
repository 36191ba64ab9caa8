package org.jcm.ledger.id;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The UNFCCC's 15 sectoral scopes (the list the CDM and the JCM use to classify methodologies and
 * the accreditation of third-party entities), numbered 1 to 15 with their official names. A
 * partner's agreement covers some of them, a methodology belongs to one, a third-party entity is
 * accredited for some. In JSON a scope is its number.
 */
public enum SectoralScope {
    ENERGY_INDUSTRIES(1, "Energy industries (renewable / non-renewable sources)"),
    ENERGY_DISTRIBUTION(2, "Energy distribution"),
    ENERGY_DEMAND(3, "Energy demand"),
    MANUFACTURING_INDUSTRIES(4, "Manufacturing industries"),
    CHEMICAL_INDUSTRIES(5, "Chemical industries"),
    CONSTRUCTION(6, "Construction"),
    TRANSPORT(7, "Transport"),
    MINING_MINERAL_PRODUCTION(8, "Mining/mineral production"),
    METAL_PRODUCTION(9, "Metal production"),
    FUGITIVE_EMISSIONS_FROM_FUELS(10, "Fugitive emissions from fuels (solid, oil and gas)"),
    FUGITIVE_EMISSIONS_FROM_HALOCARBONS(11,
            "Fugitive emissions from production and consumption of halocarbons and sulphur hexafluoride"),
    SOLVENT_USE(12, "Solvent use"),
    WASTE_HANDLING_AND_DISPOSAL(13, "Waste handling and disposal"),
    AFFORESTATION_AND_REFORESTATION(14, "Afforestation and reforestation"),
    AGRICULTURE(15, "Agriculture");

    private final int number;
    private final String officialName;

    SectoralScope(int number, String officialName) {
        this.number = number;
        this.officialName = officialName;
    }

    /** The scope's number, 1 to 15: its form in JSON and in the reference file. */
    public int number() {
        return number;
    }

    /** The UNFCCC's name of the scope. */
    public String officialName() {
        return officialName;
    }

    public static SectoralScope ofNumber(long number) {
        if (number < 1 || number > 15) {
            throw new InvalidValueException("SectoralScope", Long.toString(number), "must be a sectoral scope number from 1 to 15");
        }
        return values()[(int) number - 1];
    }

    /** An unmodifiable copy in scope-number order (iteration order 1 to 15). */
    public static Set<SectoralScope> sortedSet(Collection<SectoralScope> scopes) {
        if (scopes.isEmpty()) {
            return Collections.emptySet();
        }
        for (SectoralScope s : scopes) {
            java.util.Objects.requireNonNull(s, "sectoral scope");
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(scopes));
    }
}
