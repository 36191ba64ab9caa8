package org.jcm.support.problem;

import java.util.List;

/**
 * Writes a problem in the reader's language. English is the problem as the services build it,
 * unchanged. Japanese keeps {@code type}, {@code status}, {@code code} and each error's
 * {@code field}, and replaces the title with the code's Japanese title and every detail with its
 * Japanese sentence from the {@link ProblemCatalogue}, carrying the same values.
 */
public final class ProblemTranslator {

    private final ProblemCatalogue catalogue;

    /** A translator reading {@code catalogue}. */
    public ProblemTranslator(ProblemCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The translator of the shipped catalogue. */
    public static ProblemTranslator standard() {
        return Holder.STANDARD;
    }

    /** {@code problem} in {@code language}. */
    public Problem translate(Problem problem, ProblemLanguage language) {
        if (language == ProblemLanguage.EN) {
            return problem;
        }
        String title = catalogue.japaneseTitle(problem.code()).orElse(problem.title());
        String detail = catalogue.japaneseOrValues(problem.code(), problem.detail()).orElse(problem.detail());
        List<FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(error -> new FieldError(error.field(),
                        catalogue.japaneseOrValues(ProblemCatalogue.FIELD, error.detail()).orElse(error.detail())))
                .toList();
        return new Problem(problem.type(), title, problem.status(), detail, problem.code(), errors);
    }

    private static final class Holder {
        static final ProblemTranslator STANDARD = new ProblemTranslator(ProblemCatalogue.standard());
    }
}
