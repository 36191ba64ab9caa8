package org.jcm.ledger.serial;

import java.util.Objects;
import java.util.Optional;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/**
 * A block serial, inclusive, no zero padding. Units are numbered per (host Party, vintage); a
 * serial names the units of its project in the numbering line of
 * <ul>
 *   <li>the project's (first) host: {@code JCM-{projectId}-{vintage}-{firstUnit}-{lastUnit}}, e.g.
 *       {@code JCM-MN001-2024-1001-1250} (250 units): every serial of a single-host project, and
 *       every serial written before multi-country projects;</li>
 *   <li>another host of a multi-country project ({@code numberingHost}, alpha-3):
 *       {@code JCM-{projectId}-{host}-{vintage}-{firstUnit}-{lastUnit}}, e.g.
 *       {@code JCM-MN003-TWN-2025-1-200}: the units of a share the Joint Committee decided in that
 *       host's own numbering.</li>
 * </ul>
 * A serial that names the project's first host explicitly means the same units as one without it;
 * {@link #of} names the host only when it is another host, so existing serials keep their text.
 * Requests also use serials to name units.
 */
public record BlockSerial(ProjectId projectId, Optional<PartyCode> numberingHost, Vintage vintage, UnitRange range) {

    public BlockSerial {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(numberingHost, "numberingHost");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(range, "range");
    }

    /** Units of the project's (first) host's numbering line. */
    public BlockSerial(ProjectId projectId, Vintage vintage, UnitRange range) {
        this(projectId, Optional.empty(), vintage, range);
    }

    /**
     * The serial of units numbered in {@code numberingHost}'s line, naming the host only when it is
     * not {@code projectHost} (the project's first host).
     */
    public static BlockSerial of(ProjectId projectId, PartyCode projectHost, PartyCode numberingHost, Vintage vintage,
                                 UnitRange range) {
        return new BlockSerial(projectId, numberingHost.equals(projectHost) ? Optional.empty() : Optional.of(numberingHost),
                vintage, range);
    }

    public static BlockSerial parse(String text) {
        Checks.notNull("BlockSerial", text);
        // JCM- (4) + project (5) + - (1) [+ host (3) + - (1)] + vintage (4) + - (1) before the range.
        boolean hosted = text.length() > 13 && Checks.isUpper(text.charAt(10));
        int vintageAt = hosted ? 14 : 10;
        if (text.length() < vintageAt + 8 || !text.startsWith("JCM-") || text.charAt(9) != '-'
                || (hosted && text.charAt(13) != '-') || text.charAt(vintageAt + 4) != '-') {
            throw new InvalidValueException("BlockSerial", text, "must be JCM-{projectId}-{vintage}-{first}-{last} or"
                    + " JCM-{projectId}-{host}-{vintage}-{first}-{last}, e.g. JCM-MN001-2024-1001-1250 or JCM-MN003-TWN-2025-1-200");
        }
        try {
            ProjectId project = ProjectId.parse(text.substring(4, 9));
            Optional<PartyCode> host = hosted ? Optional.of(PartyCode.parse(text.substring(10, 13))) : Optional.empty();
            Vintage vintage = Vintage.parse(text.substring(vintageAt, vintageAt + 4));
            UnitRange range = UnitRange.parse(text.substring(vintageAt + 5));
            return new BlockSerial(project, host, vintage, range);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("BlockSerial", text, e.reason());
        }
    }

    /** The host whose numbering line the units are in: the named one, else {@code projectHost}. */
    public PartyCode hostOr(PartyCode projectHost) {
        return numberingHost.orElse(projectHost);
    }

    /** The same units' serial with another range (same project, host and vintage). */
    public BlockSerial withRange(UnitRange other) {
        return new BlockSerial(projectId, numberingHost, vintage, other);
    }

    public long size() {
        return range.size();
    }

    public String format() {
        return "JCM-" + projectId.value() + "-" + numberingHost.map(h -> h.value() + "-").orElse("") + vintage.year() + "-"
                + range.first() + "-" + range.last();
    }

    @Override
    public String toString() {
        return format();
    }
}
