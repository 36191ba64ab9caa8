package org.jcm.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The ids the ledger assigned to the demo's organizations and accounts, read from the API's answers
 * while seeding and kept in {@code demo-data.properties}, whose presence also means "seeded".
 *
 * @param mongolianCompany the Mongolian project participant's organization
 * @param mongolianAccount its holding account in MNG01
 * @param japaneseCompany the Japanese buyer's organization
 * @param japaneseAccount its holding account in JPN01
 */
record DemoIds(String mongolianCompany, String mongolianAccount, String japaneseCompany, String japaneseAccount) {

    /** What a fresh ledger assigns, used for the tokens until seeding has answered. */
    static final DemoIds EXPECTED = new DemoIds("MNG01-O0001", "MNG01-H00001", "JPN01-O0001", "JPN01-H00001");

    /** The ids recorded by a finished seeding, if there was one. */
    static Optional<DemoIds> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        return Optional.of(new DemoIds(
                properties.getProperty("mongolianCompany", EXPECTED.mongolianCompany),
                properties.getProperty("mongolianAccount", EXPECTED.mongolianAccount),
                properties.getProperty("japaneseCompany", EXPECTED.japaneseCompany),
                properties.getProperty("japaneseAccount", EXPECTED.japaneseAccount)));
    }

    /** Records the ids, and so that the demo data are in the ledger. */
    void save(Path file) {
        Properties properties = new Properties();
        properties.setProperty("mongolianCompany", mongolianCompany);
        properties.setProperty("mongolianAccount", mongolianAccount);
        properties.setProperty("japaneseCompany", japaneseCompany);
        properties.setProperty("japaneseAccount", japaneseAccount);
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "Demo data loaded by the JCM local stack; delete this file to load them again "
                    + "(the Idempotency-Keys make that harmless)");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
