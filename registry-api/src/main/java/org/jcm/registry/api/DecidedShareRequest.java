package org.jcm.registry.api;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jcm.ledger.command.Allocation;
import org.jcm.ledger.command.DecidedShare;
import org.jcm.ledger.id.AccountId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/** One share of an issuance decision: what one registry issues for one vintage, and into which of its accounts. */
@Schema(description = "One share of the decision: the registry that issues it, the host whose unit numbering it uses, the "
        + "vintage and the allocations into holding accounts of that registry")
public record DecidedShareRequest(
        @Schema(description = "The issuing registry: Japan's or a host's", example = "MNG01", required = true) String registryId,
        @Schema(description = "The host Party (alpha-3) whose unit numbering and ITMO ids the units get", example = "MNG",
                required = true) String numberingHost,
        @Schema(description = "Vintage year, within the monitoring period", example = "2026", required = true) Integer vintage,
        @Schema(description = "1 to 100 allocations into holding accounts of the issuing registry", required = true)
        List<AllocationRequest> allocations) {

    /** The ledger's share; {@code field} names it in problems ({@code shares[0]}). */
    DecidedShare toShare(String field) {
        RegistryId registry = Fields.parse(field + ".registryId", registryId, RegistryId::parse);
        PartyCode host = Fields.parse(field + ".numberingHost", numberingHost, PartyCode::parse);
        Fields.required(field + ".vintage", vintage);
        Vintage year = Fields.parse(field + ".vintage", vintage.toString(), text -> Vintage.of(Integer.parseInt(text)));
        Fields.required(field + ".allocations", allocations);
        List<Allocation> lines = new ArrayList<>(allocations.size());
        for (int i = 0; i < allocations.size(); i++) {
            String line = field + ".allocations[" + i + "]";
            AllocationRequest a = Fields.required(line, allocations.get(i));
            lines.add(new Allocation(Fields.parse(line + ".accountId", a.accountId(), AccountId::parse),
                    Fields.quantity(line + ".quantity", a.quantity())));
        }
        return Fields.shape(field, () -> new DecidedShare(registry, host, year, lines));
    }
}
