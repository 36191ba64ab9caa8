package org.jcm.registry.disclosure;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.jcm.ledger.canonical.Json;
import org.jcm.ledger.event.EventCodec;

/**
 * One version of an organization's gross emissions for a Japanese fiscal year, and its canonical
 * JSON: the members sorted by name, no whitespace, whole numbers. The canonical JSON is what is
 * stored, hashed (SHA-256) and signed; every other column of the row is checked against it when
 * the version is read ({@link EmissionRecords}).
 *
 * @param previousSha256 the sha256 of version {@code version - 1}, null for version 1
 * @param scope3 null when not stated
 */
public record EmissionRecord(String organizationId, int fiscalYear, int version, long scope1, long scope2,
                             String scope2Basis, Long scope3, String source, String assuranceReference,
                             String recordedBy, Instant recordedAt, String previousSha256) {

    /** The only unit: tonnes of CO2 equivalent. */
    public static final String UNIT = "t-CO2e";

    /** The canonical JSON of this version. */
    public String canonicalJson() {
        Map<String, Object> members = new TreeMap<>();
        members.put("assuranceReference", assuranceReference);
        members.put("fiscalYear", (long) fiscalYear);
        members.put("organizationId", organizationId);
        members.put("previousSha256", previousSha256);
        members.put("recordedAt", EventCodec.formatTime(recordedAt));
        members.put("recordedBy", recordedBy);
        members.put("scope1", scope1);
        members.put("scope2", scope2);
        members.put("scope2Basis", scope2Basis);
        members.put("scope3", scope3);
        members.put("source", source);
        members.put("type", "EmissionRecord");
        members.put("unit", UNIT);
        members.put("version", (long) version);
        return Json.write(members);
    }

    /**
     * The version that {@code json} states, or null if it is not a canonical emission record's JSON
     * (which a row changed in the database may hold).
     */
    static EmissionRecord parse(String json) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) Json.parse(json);
            EmissionRecord record = new EmissionRecord((String) m.get("organizationId"),
                    Math.toIntExact((Long) m.get("fiscalYear")), Math.toIntExact((Long) m.get("version")),
                    (Long) m.get("scope1"), (Long) m.get("scope2"), (String) m.get("scope2Basis"), (Long) m.get("scope3"),
                    (String) m.get("source"), (String) m.get("assuranceReference"), (String) m.get("recordedBy"),
                    EventCodec.parseTime((String) m.get("recordedAt")), (String) m.get("previousSha256"));
            return record.canonicalJson().equals(json) ? record : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
