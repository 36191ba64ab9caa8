package org.jcm.settlement.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jcm.support.json.JsonTextException;
import org.jcm.support.limit.ProblemRateLimit;
import org.jcm.support.problem.ProblemCatalogue;
import org.junit.jupiter.api.Test;

/** No problem code of settlement falls back to English under {@code Accept-Language: ja}. */
class ProblemCatalogueCompletenessTest {

    @Test
    void every_code_settlement_answers_with_has_a_japanese_title_and_sentence() throws IllegalAccessException {
        Set<String> codes = new TreeSet<>();
        for (Class<?> c = ProblemCodes.class; c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) && Modifier.isPublic(field.getModifiers())
                        && field.getType() == String.class) {
                    codes.add((String) field.get(null));
                }
            }
        }
        codes.add(ProblemRateLimit.RATE_LIMITED);
        for (JsonTextException.Kind kind : JsonTextException.Kind.values()) {
            codes.add(kind.code());
        }
        for (int status = 400; status < 600; status++) {
            codes.add(ProblemCodes.forStatus(status));
        }
        assertThat(codes).contains("unknown_trade", "unavailable", "witness_disabled");
        ProblemCatalogue catalogue = ProblemCatalogue.standard();
        List<String> missing = new ArrayList<>();
        for (String code : codes) {
            if (catalogue.japaneseTitle(code).isEmpty() || catalogue.japaneseSentence(code).isEmpty()) {
                missing.add(code);
            }
        }
        assertThat(missing).isEmpty();
    }
}
