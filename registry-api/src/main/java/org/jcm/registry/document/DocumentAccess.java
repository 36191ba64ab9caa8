package org.jcm.registry.document;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.rule.Rejection;
import org.jcm.support.problem.HttpProblemCodes;
import org.jcm.support.problem.ProblemException;

/**
 * Who may read a stored document, its bytes and its metadata alike (docs/documents.md, "Who may
 * read a document"), in order:
 * <ol>
 *   <li>the operator and auditors read every document (they run and check the system);</li>
 *   <li>a side that uploaded the bytes reads them: every token with the same role and scope as an
 *       uploader (all account holders of the uploading organization, the government of the
 *       uploading Party, the uploading third-party entity, ...);</li>
 *   <li>a document cited by a project application ({@link #citationGrants}): its audience reads it,
 *       and once the project is registered its PDD, reports and JC decisions are public, without a
 *       token;</li>
 *   <li>anyone else is refused: 401 {@code unauthorized} without a token, 403 {@code forbidden_scope}
 *       with one.</li>
 * </ol>
 */
public final class DocumentAccess {

    /** The kinds of cited document that are public once the project is registered; a PIN and OTHER are not. */
    public static final Set<DocumentKind> PUBLIC_ONCE_REGISTERED = EnumSet.of(DocumentKind.PDD,
            DocumentKind.VALIDATION_REPORT, DocumentKind.MONITORING_REPORT, DocumentKind.VERIFICATION_REPORT,
            DocumentKind.JC_DECISION);

    /**
     * One citation of a document by an application route event (the application's own steps or
     * those of its monitoring cycles), as it bears on one reader.
     *
     * @param kind the kind the citing step gave the document
     * @param registered whether the citing application's project is registered
     * @param readerInAudience whether the reader is in the application's audience (docs/security.md,
     *                         "The application route")
     */
    public record Citation(DocumentKind kind, boolean registered, boolean readerInAudience) {
    }

    private DocumentAccess() {
    }

    /**
     * Checks that {@code reader} (empty: no token, or one without a known role or without its scope
     * claim) may read {@code document}, cited as {@code citations}.
     *
     * @throws ProblemException 401 {@code unauthorized} without a token, 403 {@code forbidden_scope} otherwise
     */
    public static void checkRead(Optional<Side> reader, boolean token, StoredDocument document, List<Citation> citations) {
        if (citationGrants(reader, citations) || reader.isPresent() && mayRead(reader.get(), document)) {
            return;
        }
        if (!token) {
            throw new ProblemException(401, HttpProblemCodes.UNAUTHORIZED, "Document " + document.sha256()
                    + " is not public: a bearer token is required.");
        }
        throw new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(), "Document " + document.sha256()
                + " can be read by the side that uploaded it, the audience of an application citing it, auditors and"
                + " the operator; this token is none of them.");
    }

    /**
     * Whether {@code reader} may read {@code document}, cited as {@code citations}, under any of the
     * rules. A request of the project cycle may cite only such a document: citing grants the citing
     * application's audience (and, once registered, the public) access, so a citation of bytes the
     * caller may not read would hand someone else's document to the caller's own application.
     */
    public static boolean mayCite(Side reader, StoredDocument document, List<Citation> citations) {
        return mayRead(reader, document) || citationGrants(Optional.of(reader), citations);
    }

    /** Whether {@code reader} may read {@code document} under the first two rules. */
    static boolean mayRead(Side reader, StoredDocument document) {
        return reader.is(Role.OPERATOR) || reader.is(Role.AUDITOR)
                || document.uploaders().contains(reader);
    }

    /**
     * The access that citing a document gives: any reader in the audience of an application that
     * cites it (the roles that see the application before registration, docs/security.md) may read it,
     * and a PDD, validation report, monitoring report, verification report or JC decision cited by a
     * registered project's application is public (any reader, with or without a token). A PIN, or a
     * document of kind OTHER, stays with the audience.
     */
    static boolean citationGrants(Optional<Side> reader, List<Citation> citations) {
        for (Citation c : citations) {
            if (c.registered() && PUBLIC_ONCE_REGISTERED.contains(c.kind())) {
                return true;
            }
            if (reader.isPresent() && c.readerInAudience()) {
                return true;
            }
        }
        return false;
    }
}
