package org.jcm.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jcm.support.json.JsonTextException;
import org.jcm.support.limit.ProblemRateLimit;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's own consistency, and its completeness for the codes service-support defines;
 * each service checks its own codes and the ledger's rejections the same way
 * ({@link #missingJapanese}).
 */
class ProblemCatalogueTest {

    private final ProblemCatalogue catalogue = ProblemCatalogue.standard();

    @Test
    void every_english_template_has_a_japanese_one_with_the_same_holes_and_the_other_way_round() {
        Map<String, MessageTemplate> english = catalogue.englishTemplates();
        Map<String, MessageTemplate> japanese = catalogue.japaneseTemplates();
        List<String> wrong = new ArrayList<>();
        english.forEach((key, template) -> {
            if (!japanese.containsKey(key)) {
                wrong.add(key + ": no Japanese template");
            } else if (!japanese.get(key).names().equals(template.names())) {
                wrong.add(key + ": holes " + template.names() + " in English, " + japanese.get(key).names() + " in Japanese");
            }
        });
        japanese.forEach((key, template) -> {
            boolean own = key.endsWith("." + ProblemCatalogue.DETAIL);
            if (!own && !english.containsKey(key)) {
                wrong.add(key + ": a Japanese template without an English one");
            }
            if (own && !template.names().isEmpty()) {
                wrong.add(key + ": a code's own sentence has no holes");
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void every_prefix_of_a_template_has_a_japanese_title_and_sentence() {
        Set<String> prefixes = new TreeSet<>();
        catalogue.englishTemplates().keySet().forEach(key -> prefixes.add(key.substring(0, key.indexOf('.'))));
        prefixes.remove(ProblemCatalogue.FIELD);
        assertThat(missingJapanese(catalogue, prefixes)).isEmpty();
        assertThat(catalogue.japaneseSentence(ProblemCatalogue.FIELD)).isPresent();
    }

    @Test
    void every_code_of_the_shared_http_layer_has_japanese() {
        Set<String> codes = constants(HttpProblemCodes.class);
        codes.add(ProblemRateLimit.RATE_LIMITED);
        for (JsonTextException.Kind kind : JsonTextException.Kind.values()) {
            codes.add(kind.code());
        }
        assertThat(missingJapanese(catalogue, codes)).isEmpty();
    }

    @Test
    void the_japanese_texts_are_japanese() {
        catalogue.japanese().forEach((key, text) -> assertThat(text).as(key)
                .matches(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA
                        || Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "holds Japanese script"));
    }

    /** The codes among {@code codes} that lack a Japanese title or sentence, each with what it lacks. */
    static List<String> missingJapanese(ProblemCatalogue catalogue, Set<String> codes) {
        List<String> missing = new ArrayList<>();
        for (String code : new TreeSet<>(codes)) {
            if (catalogue.japaneseTitle(code).isEmpty()) {
                missing.add(code + ".title");
            }
            if (catalogue.japaneseSentence(code).isEmpty()) {
                missing.add(code + ".detail");
            }
        }
        return missing;
    }

    /** The values of the public static String constants of {@code type} and its superclasses. */
    static Set<String> constants(Class<?> type) {
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
