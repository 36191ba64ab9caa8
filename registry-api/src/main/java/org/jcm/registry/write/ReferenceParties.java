package org.jcm.registry.write;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jcm.ledger.id.CooperativeApproachId;
import org.jcm.ledger.id.JcmStatus;
import org.jcm.ledger.id.Party;
import org.jcm.ledger.id.PartyCode;
import org.jcm.ledger.id.SectoralScope;

/**
 * Reads the reference Parties from CSV data: {@code reference/parties.csv} (a copy of the shared
 * reference list) and {@code reference/cooperative-approaches.csv}, or the files configured in
 * {@link ReferenceConfig}. Nothing in the code lists partners. The parties file's columns are
 * {@code iso2,iso3,name,jcm_status,paris_agreement_party,jcm_signing_date,sectoral_scopes}: the date
 * a partner's JCM partnership document was signed (ISO 8601; empty for Japan and candidates) and
 * the UNFCCC sectoral scope numbers its agreement covers, separated by {@code ;}.
 */
public final class ReferenceParties {

    private ReferenceParties() {
    }

    /** The Parties with their cooperative approach ids, in the order of the parties file. */
    public static List<Party> load(ReferenceConfig config) {
        Map<String, CooperativeApproachId> approaches = new HashMap<>();
        for (String[] row : rows(config.cooperativeApproachesFile().map(ReferenceParties::file)
                .orElseGet(() -> resource("reference/cooperative-approaches.csv")), 2)) {
            approaches.put(row[0], CooperativeApproachId.parse(row[1]));
        }
        List<Party> parties = new ArrayList<>();
        for (String[] row : rows(config.partiesFile().map(ReferenceParties::file)
                .orElseGet(() -> resource("reference/parties.csv")), 7)) {
            parties.add(new Party(row[0], PartyCode.parse(row[1]), row[2], JcmStatus.valueOf(row[3].toUpperCase(Locale.ROOT)),
                    Boolean.parseBoolean(row[4]), Optional.ofNullable(approaches.get(row[1])),
                    row[5].isEmpty() ? Optional.empty() : Optional.of(LocalDate.parse(row[5])), scopes(row[6])));
        }
        return List.copyOf(parties);
    }

    /** Sectoral scope numbers separated by {@code ;} (e.g. {@code 1;3;7}); empty: none. */
    private static Set<SectoralScope> scopes(String field) {
        Set<SectoralScope> scopes = EnumSet.noneOf(SectoralScope.class);
        if (!field.isEmpty()) {
            for (String n : field.split(";", -1)) {
                scopes.add(SectoralScope.ofNumber(Long.parseLong(n.trim())));
            }
        }
        return scopes;
    }

    /** The data rows: header and {@code #} comment lines skipped, fields split on commas and trimmed. */
    private static List<String[]> rows(InputStream in, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            boolean header = true;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != columns) {
                    throw new IllegalStateException("Reference data line has " + fields.length + " fields, expected "
                            + columns + ": " + line);
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].trim();
                }
                rows.add(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static InputStream resource(String name) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
        if (in == null) {
            in = ReferenceParties.class.getClassLoader().getResourceAsStream(name);
        }
        if (in == null) {
            throw new IllegalStateException("Missing reference data " + name);
        }
        return in;
    }

    private static InputStream file(java.nio.file.Path path) {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
