package org.jcm.ledger.serial;

import java.util.Objects;
import org.jcm.ledger.id.Checks;
import org.jcm.ledger.id.InvalidValueException;
import org.jcm.ledger.id.ProjectId;
import org.jcm.ledger.id.Vintage;

/**
 * A block serial {@code JCM-{projectId}-{vintage}-{firstUnit}-{lastUnit}}, inclusive, no zero
 * padding, e.g. {@code JCM-MN001-2024-1001-1250} (250 units). Requests also use it to name units.
 */
public record BlockSerial(ProjectId projectId, Vintage vintage, UnitRange range) {

    public BlockSerial {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(vintage, "vintage");
        Objects.requireNonNull(range, "range");
    }

    public static BlockSerial parse(String text) {
        Checks.notNull("BlockSerial", text);
        // JCM- (4) + project (5) + - (1) + vintage (4) + - (1) = 15 characters before the range.
        if (text.length() < 18 || !text.startsWith("JCM-") || text.charAt(9) != '-' || text.charAt(14) != '-') {
            throw new InvalidValueException("BlockSerial", text, "must be JCM-{projectId}-{vintage}-{first}-{last}, e.g. JCM-MN001-2024-1001-1250");
        }
        try {
            ProjectId project = ProjectId.parse(text.substring(4, 9));
            Vintage vintage = Vintage.parse(text.substring(10, 14));
            UnitRange range = UnitRange.parse(text.substring(15));
            return new BlockSerial(project, vintage, range);
        } catch (InvalidValueException e) {
            throw new InvalidValueException("BlockSerial", text, e.reason());
        }
    }

    public long size() {
        return range.size();
    }

    public String format() {
        return "JCM-" + projectId.value() + "-" + vintage.year() + "-" + range.first() + "-" + range.last();
    }

    @Override
    public String toString() {
        return format();
    }
}
