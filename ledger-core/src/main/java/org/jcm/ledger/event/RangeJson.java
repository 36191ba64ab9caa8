package org.jcm.ledger.event;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jcm.ledger.id.IssuanceId;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.RegistryId;
import org.jcm.ledger.id.Vintage;

/**
 * The JSON form of unit ranges, as events carry them in {@code ranges}: an array of objects
 * {@code {hostParty, vintage, projectId, issuanceId, issuingRegistryId, first, last}}, in that
 * member order, vintages and unit numbers as integers. Public so that whatever stores ranges
 * outside the event (e.g. an authorization version's ranges in PostgreSQL) writes exactly the
 * form the events hash and publish.
 */
public final class RangeJson {

    private RangeJson() {
    }

    /** The ranges as a JSON value tree: a list of insertion-ordered maps (see the class comment). */
    public static List<Object> toJson(List<BlockRange> ranges) {
        List<Object> list = new ArrayList<>(ranges.size());
        for (BlockRange r : ranges) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("hostParty", r.hostParty().value());
            m.put("vintage", (long) r.vintage().year());
            m.put("projectId", r.projectId().value());
            m.put("issuanceId", r.issuanceId().value());
            m.put("issuingRegistryId", r.issuingRegistryId().value());
            m.put("first", r.first());
            m.put("last", r.last());
            list.add(m);
        }
        return list;
    }

    /** The {@code ranges} member of an event being decoded. */
    static List<BlockRange> rangesOf(JsonIn in) {
        return rangesOf(in, "ranges");
    }

    /** The member {@code field} (a list of unit ranges) of an event being decoded. */
    static List<BlockRange> rangesOf(JsonIn in, String field) {
        List<?> list = in.list(field);
        List<BlockRange> out = new ArrayList<>(list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            JsonIn r = in.element(list, field, i);
            out.add(new BlockRange(r.id("hostParty", PartyCode::new), Vintage.of(r.intValue("vintage")),
                    r.id("projectId", ProjectId::new), r.id("issuanceId", IssuanceId::new),
                    r.id("issuingRegistryId", RegistryId::new), r.longValue("first"), r.longValue("last")));
        }
        return out;
    }
}
