package org.jcm.registry.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcm.ledger.rule.Rejection;
import org.jcm.registry.disclosure.DisclosureCodes;
import org.jcm.registry.paging.PagingCodes;
import org.jcm.registry.query.UnitQuery;
import org.jcm.registry.rest.IdempotencyKeys;
import org.jcm.registry.rest.QueryParameters;
import org.jcm.registry.write.LedgerWriter;
import org.jcm.support.json.JsonTextException;
import org.jcm.support.limit.ProblemRateLimit;
import org.jcm.support.problem.ProblemCatalogue;
import org.junit.jupiter.api.Test;

/**
 * No problem code of the registry falls back to English under {@code Accept-Language: ja}: every
 * code the registry can answer with (its HTTP-layer codes, the writer's, the ledger's rejections)
 * and every code its documentation lists has a Japanese title and sentence in the catalogue.
 * (The catalogue's own test checks that every template's holes agree between the languages.)
 */
class ProblemCatalogueCompletenessTest {

    private static final Pattern DOCS_ROW = Pattern.compile("^\\|[^|]*\\|\\s*((?:`[a-z_]+`(?:,\\s*)?)+)\\s*\\|");
    private static final Pattern CODE = Pattern.compile("`([a-z][a-z0-9]*(?:_[a-z0-9]+)+)`");

    private final ProblemCatalogue catalogue = ProblemCatalogue.standard();

    @Test
    void every_rejection_of_the_ledger_has_a_japanese_title_and_sentence() {
        Set<String> codes = new TreeSet<>();
        for (Rejection rejection : Rejection.values()) {
            codes.add(rejection.code());
        }
        assertThat(missing(codes)).isEmpty();
    }

    @Test
    void every_code_of_the_registrys_http_layer_and_writer_has_a_japanese_title_and_sentence() {
        Set<String> codes = constants(ProblemCodes.class);
        codes.addAll(constants(PagingCodes.class));
        codes.addAll(constants(DisclosureCodes.class));
        codes.addAll(List.of(IdempotencyKeys.REQUIRED, IdempotencyKeys.INVALID, IdempotencyKeys.REUSED,
                IdempotencyKeys.DUPLICATE, QueryParameters.INVALID_QUERY_PARAMETER, ControlCharacterGuard.INVALID_QUERY_PARAMETER,
                UnitQuery.INVALID_UNIT_ID, LedgerWriter.NOT_THE_WRITER, LedgerWriter.LEDGER_UNAVAILABLE,
                LedgerWriter.WRITER_OVERLOADED, LedgerWriter.UNPROCESSABLE_COMMAND, ProblemRateLimit.RATE_LIMITED));
        for (JsonTextException.Kind kind : JsonTextException.Kind.values()) {
            codes.add(kind.code());
        }
        assertThat(missing(codes)).isEmpty();
    }

    @Test
    void every_code_in_the_documentations_tables_has_a_japanese_title_and_sentence() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String doc : List.of("problems.md", "ledger-model.md")) {
            codes.addAll(documented(Path.of("..", "docs", doc)));
        }
        assertThat(codes).as("codes read from the tables").contains("insufficient_units", "uri_too_long", "witness_disabled");
        assertThat(missing(codes)).isEmpty();
    }

    /** The codes in the code column of the markdown tables of {@code file}: a column of backquoted codes only. */
    static Set<String> documented(Path file) throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String line : Files.readAllLines(file)) {
            Matcher row = DOCS_ROW.matcher(line);
            if (row.find()) {
                Matcher code = CODE.matcher(row.group(1));
                while (code.find()) {
                    codes.add(code.group(1));
                }
            }
        }
        return codes;
    }

    private List<String> missing(Set<String> codes) {
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (catalogue.japaneseTitle(code).isEmpty()) {
                missing.add(code + ".title");
            }
            if (catalogue.japaneseSentence(code).isEmpty()) {
                missing.add(code + ".detail");
            }
        }
        return missing;
    }

    private static Set<String> constants(Class<?> type) {
        Set<String> values = new TreeSet<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                        && field.getType() == String.class) {
                    try {
                        values.add((String) field.get(null));
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return values;
    }
}
