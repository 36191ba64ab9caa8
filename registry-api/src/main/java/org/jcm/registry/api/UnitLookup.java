package org.jcm.registry.api;

import java.util.List;

/**
 * What the registry knows about the units a serial, an ITMO id or a unit reference names: the live
 * blocks that hold them now and every event that touched them. Public: holders appear only as
 * registry and account type.
 *
 * @param query the text looked up, as given
 * @param hostParty the host Party whose numbering the units belong to
 * @param projectId the project the units belong to
 * @param vintage the vintage year
 * @param firstUnit the first unit number asked about
 * @param lastUnit the last unit number asked about
 * @param quantity how many of the asked units exist (were issued for this project)
 * @param blocks the live blocks holding those units, in unit order, at most 1,000; the first holds the first existing unit
 * @param moreBlocks whether more than 1,000 live blocks hold them (list them with {@code /blocks})
 * @param history the events that touched those units, in ledger order, one page
 * @param next the cursor of the next page of history, or null
 */
public record UnitLookup(String query, String hostParty, String projectId, int vintage, long firstUnit, long lastUnit,
                         long quantity, List<BlockView> blocks, boolean moreBlocks, List<UnitEvent> history,
                         String next) {
}
