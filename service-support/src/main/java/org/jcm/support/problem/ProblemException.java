package org.jcm.support.problem;

import java.util.List;

/** Thrown by services to answer with a problem: a status, a stable code, a detail and field errors. */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;

    /** A problem with field errors; {@code errors} may be empty. */
    public ProblemException(int status, String code, String detail, List<FieldError> errors) {
        super(code + ": " + detail, null, false, false);
        this.problem = Problem.of(status, code, detail, errors);
    }

    /** A problem without field errors. */
    public ProblemException(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    /** The problem to send. */
    public Problem problem() {
        return problem;
    }

    /** The HTTP status. */
    public int status() {
        return problem.status();
    }

    /** The stable code. */
    public String code() {
        return problem.code();
    }
}
