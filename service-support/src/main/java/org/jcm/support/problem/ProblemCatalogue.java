package org.jcm.support.problem;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The problem texts of both services, one catalogue per language ({@code problems_en.properties},
 * {@code problems_ja.properties} next to this class, UTF-8). Keys:
 * <ul>
 * <li>{@code <code>.title}: the title in that language (Japanese only: the English title stays
 * the HTTP reason phrase of the status, {@link HttpTitles});</li>
 * <li>{@code <code>.detail}: the sentence said for the code when a detail matches none of its
 * templates (Japanese only);</li>
 * <li>{@code <code>.<name>}: a detail template with named holes, in both languages with the same
 * holes; the English one is the sentence the services write;</li>
 * <li>{@code field.<name>} and {@code field.detail}: the same for the {@code detail} of an
 * {@code errors} entry, whatever the problem's code.</li>
 * </ul>
 */
public final class ProblemCatalogue {

    /** The key prefix of field error sentences. */
    public static final String FIELD = "field";
    /** The key suffix of a title. */
    public static final String TITLE = "title";
    /** The name of a hole whose value is itself a field's sentence, said in the reader's language. */
    public static final String REASON = "reason";
    /** The key suffix of a code's own sentence. */
    public static final String DETAIL = "detail";

    private static final ProblemCatalogue STANDARD = new ProblemCatalogue(load("problems_en.properties"),
            load("problems_ja.properties"));

    private final Map<String, String> english;
    private final Map<String, String> japanese;
    private final Map<String, MessageTemplate> englishTemplates = new LinkedHashMap<>();
    private final Map<String, MessageTemplate> japaneseTemplates = new LinkedHashMap<>();

    /** A catalogue of the two languages' entries. */
    public ProblemCatalogue(Map<String, String> english, Map<String, String> japanese) {
        this.english = Collections.unmodifiableMap(new TreeMap<>(english));
        this.japanese = Collections.unmodifiableMap(new TreeMap<>(japanese));
        this.english.forEach((key, text) -> englishTemplates.put(key, new MessageTemplate(text)));
        this.japanese.forEach((key, text) -> {
            if (!isTitle(key)) {
                japaneseTemplates.put(key, new MessageTemplate(text));
            }
        });
    }

    /** The catalogue shipped with service-support. */
    public static ProblemCatalogue standard() {
        return STANDARD;
    }

    /** Every English entry, by key. */
    public Map<String, String> english() {
        return english;
    }

    /** Every Japanese entry, by key. */
    public Map<String, String> japanese() {
        return japanese;
    }

    /** The Japanese title of {@code code}, if the catalogue has one. */
    public Optional<String> japaneseTitle(String code) {
        return Optional.ofNullable(japanese.get(code + "." + TITLE));
    }

    /** The Japanese sentence of {@code code} (or of {@link #FIELD}), if the catalogue has one. */
    public Optional<String> japaneseSentence(String code) {
        return Optional.ofNullable(japanese.get(code + "." + DETAIL));
    }

    /**
     * The English sentence {@code key} filled with {@code values}: how code that builds a detail
     * names its template and arguments, so that the Japanese one repeats the same values.
     *
     * @throws IllegalArgumentException for a key the catalogue does not have, or a missing value
     */
    public String english(String key, Map<String, ?> values) {
        MessageTemplate template = englishTemplates.get(key);
        if (template == null) {
            throw new IllegalArgumentException("no English problem template " + key);
        }
        return template.fill(values);
    }

    /**
     * The Japanese sentence for the English {@code sentence} written under {@code prefix} (a code,
     * or {@link #FIELD}): the Japanese template of the first English template of the prefix that
     * the sentence fills in, with the same values; empty when none does.
     */
    public Optional<String> japanese(String prefix, String sentence) {
        String start = prefix + ".";
        List<Map.Entry<String, MessageTemplate>> candidates = new ArrayList<>();
        for (Map.Entry<String, MessageTemplate> entry : englishTemplates.entrySet()) {
            if (entry.getKey().startsWith(start) && entry.getKey().indexOf('.', start.length()) < 0) {
                candidates.add(entry);
            }
        }
        // The template with the most fixed text first, so that a general one does not take a sentence a specific one has.
        candidates.sort(Comparator.comparingInt((Map.Entry<String, MessageTemplate> e) -> e.getValue().fixedLength()).reversed());
        for (Map.Entry<String, MessageTemplate> entry : candidates) {
            Optional<Map<String, String>> values = entry.getValue().read(sentence);
            MessageTemplate japaneseTemplate = japaneseTemplates.get(entry.getKey());
            if (values.isPresent() && japaneseTemplate != null) {
                Map<String, String> filled = new LinkedHashMap<>(values.get());
                // A hole named "reason" holds a field's sentence from deeper code: said in Japanese too.
                filled.computeIfPresent(REASON, (name, reason) -> japaneseOrValues(FIELD, reason).orElse(reason));
                return Optional.of(japaneseTemplate.fill(filled));
            }
        }
        return Optional.empty();
    }

    /**
     * The Japanese for {@code sentence} under {@code prefix}: as {@link #japanese(String, String)},
     * or, for a sentence no template of the prefix matches (free text from deeper code), the
     * prefix's own Japanese sentence followed by the values the English one names
     * ({@link SentenceValues}); empty when the catalogue has no sentence for the prefix.
     */
    public Optional<String> japaneseOrValues(String prefix, String sentence) {
        Optional<String> matched = japanese(prefix, sentence);
        if (matched.isPresent()) {
            return matched;
        }
        Optional<String> own = japaneseSentence(prefix);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        String values = String.join("、", SentenceValues.of(sentence));
        return Optional.of(values.isEmpty() ? own.get() : own.get() + "（値: " + values + "）");
    }

    /** The English templates, by key. */
    public Map<String, MessageTemplate> englishTemplates() {
        return Collections.unmodifiableMap(englishTemplates);
    }

    /** The Japanese templates (all entries but titles), by key. */
    public Map<String, MessageTemplate> japaneseTemplates() {
        return Collections.unmodifiableMap(japaneseTemplates);
    }

    private static boolean isTitle(String key) {
        return key.endsWith("." + TITLE);
    }

    private static Map<String, String> load(String name) {
        Properties properties = new Properties();
        try (InputStream in = ProblemCatalogue.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing problem catalogue " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> entries = new TreeMap<>();
        properties.forEach((key, value) -> entries.put((String) key, (String) value));
        return entries;
    }
}
