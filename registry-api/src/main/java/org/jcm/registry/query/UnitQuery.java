package org.jcm.registry.query;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.serial.BlockSerial;
import org.jcm.ledger.serial.ItmoId;
import org.jcm.registry.problem.ClientText;
import org.jcm.support.problem.ProblemException;

/**
 * What {@code GET /units/{serialOrItmoId}} was asked about: a range of one host Party's units of
 * one vintage, named by a block serial ({@code JCM-MN001-2024-1001-1250}, or
 * {@code JCM-MN003-TWN-2025-1-200} for units in another host's numbering line of a multi-country
 * project), a unit reference ({@code JCM-MN001-2024-1001}, {@code JCM-MN003-TWN-2025-1}) or an
 * Article 6.2 ITMO id ({@code CA0012-MNG01-MNG-1001-2024}). A serial and a unit reference fix the
 * project (and, when they name one, the host whose line the units are in; else the project's first
 * host's line); an ITMO id fixes the host Party, the cooperative approach and the issuing registry
 * instead.
 *
 * @param text the text as given
 * @param projectId the project (serials and unit references), or null
 * @param hostParty the host Party: of an ITMO id, or the one a serial or unit reference names; null for a serial
 *                  without a host until the project's first host is looked up
 * @param vintage the vintage year
 * @param first the first unit asked about
 * @param last the last unit asked about
 * @param cooperativeApproachId the cooperative approach (ITMO ids), or null
 * @param issuingRegistryId the issuing registry (ITMO ids), or null
 */
public record UnitQuery(String text, String projectId, String hostParty, int vintage, long first, long last,
                        String cooperativeApproachId, String issuingRegistryId) {

    /** The problem code of a text that is none of the three forms. */
    public static final String INVALID_UNIT_ID = "invalid_unit_id";

    /** Checks that the query names either a project (and perhaps its line's host) or an ITMO id's Party and approach. */
    public UnitQuery {
        Objects.requireNonNull(text, "text");
        if ((projectId == null) == (cooperativeApproachId == null) || (projectId == null && hostParty == null)) {
            throw new IllegalArgumentException("A unit query names a project or, for an ITMO id, a host Party and approach");
        }
    }

    /**
     * Reads a serial, a unit reference or an ITMO id.
     *
     * @throws ProblemException 400 {@code invalid_unit_id} for anything else
     */
    public static UnitQuery parse(String text) {
        try {
            if (text.startsWith("JCM-")) {
                // JCM-{project}-[{host}-]{vintage}-{unit} names one unit: the serial of a one-unit range.
                int unitDashes = hostNamed(text) ? 4 : 3;
                String serialText = dashes(text) == unitDashes ? text + text.substring(text.lastIndexOf('-')) : text;
                BlockSerial serial = BlockSerial.parse(serialText);
                return new UnitQuery(text, serial.projectId().value(), serial.numberingHost().map(h -> h.value()).orElse(null),
                        serial.vintage().year(), serial.range().first(), serial.range().last(), null, null);
            }
            ItmoId itmo = ItmoId.parse(text);
            return new UnitQuery(text, null, itmo.hostParty().value(), itmo.vintage().year(), itmo.unit(), itmo.unit(),
                    itmo.cooperativeApproachId().value(), itmo.issuingRegistryId().value());
        } catch (InvalidValueException e) {
            throw new ProblemException(400, INVALID_UNIT_ID, ClientText.quote(text) + " is not a block serial"
                    + " (JCM-MN001-2024-1001-1250 or JCM-MN003-TWN-2025-1-200), a unit (JCM-MN001-2024-1001) or an ITMO id"
                    + " (CA0012-MNG01-MNG-1001-2024): " + e.reason() + ".");
        }
    }

    /** Whether an ITMO id was asked about. */
    public boolean isItmoId() {
        return cooperativeApproachId != null;
    }

    /** Whether a {@code JCM-} text names a host after the project ({@code JCM-MN003-TWN-...}), as BlockSerial reads it. */
    private static boolean hostNamed(String text) {
        return text.length() > 10 && Checks.isUpper(text.charAt(10));
    }

    private static int dashes(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += text.charAt(i) == '-' ? 1 : 0;
        }
        return n;
    }
}
