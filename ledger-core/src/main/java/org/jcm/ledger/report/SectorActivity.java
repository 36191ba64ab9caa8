package org.jcm.ledger.report;

import java.util.List;

/**
 * The AEF's "Sector(s)" and "Activity type(s)" of the units of a row, as the methodologies of their
 * projects make them known: the sector is the methodology's UNFCCC sectoral scope ({@code 1 Energy
 * industries (renewable / non-renewable sources)}), the activity type is the methodology the Joint
 * Committee approved for the activity ({@code MN_AM001 Installation of solar PV system}). Each list
 * holds distinct values in order; it is empty when no project of the units has its methodology in the
 * ledger's methodology registry (a project registered before the registry existed), and the cell is
 * then empty.
 */
public record SectorActivity(List<String> sectors, List<String> activityTypes) {

    /** Nothing known: no methodology of the units' projects is registered. */
    public static final SectorActivity UNKNOWN = new SectorActivity(List.of(), List.of());

    public SectorActivity {
        sectors = List.copyOf(sectors);
        activityTypes = List.copyOf(activityTypes);
    }
}
