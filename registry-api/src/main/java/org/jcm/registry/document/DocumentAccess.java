package org.jcm.registry.document;

import java.util.Optional;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.rule.Rejection;
import org.jcm.support.problem.ProblemException;

/**
 * Who may read a stored document, its bytes and its metadata alike (docs/documents.md, "Who may
 * read a document"). Enforced now:
 * <ol>
 *   <li>the operator and auditors read every document (they run and check the system);</li>
 *   <li>a side that uploaded the bytes reads them: every token with the same role and scope as an
 *       uploader (all account holders of the uploading organization, the government of the
 *       uploading Party, the uploading third-party entity, ...);</li>
 *   <li>anyone else is refused with 403 {@code forbidden_scope}, including registry
 *       administrators and governments who have not uploaded the document.</li>
 * </ol>
 * The rules that depend on where a document is cited are {@link #citationGrants}.
 */
public final class DocumentAccess {

    private DocumentAccess() {
    }

    /**
     * Checks that {@code reader} (empty: a token without a known role or without its scope
     * claim) may read {@code document}.
     *
     * @throws ProblemException 403 {@code forbidden_scope}
     */
    public static void checkRead(Optional<Side> reader, StoredDocument document) {
        if (reader.isPresent() && mayRead(reader.get(), document)) {
            return;
        }
        throw new ProblemException(403, Rejection.FORBIDDEN_SCOPE.code(), "Document " + document.sha256()
                + " can be read by the side that uploaded it, auditors and the operator; this token is none of them.");
    }

    /** Whether {@code reader} may read {@code document}: the rules of the class, in order. */
    static boolean mayRead(Side reader, StoredDocument document) {
        return reader.is(Role.OPERATOR) || reader.is(Role.AUDITOR)
                || document.uploaders().contains(reader)
                || citationGrants(reader, document);
    }

    /**
     * The access that citing a document gives: the reviewers of an application that cites it
     * (the host government, the third-party entity, the JC secretariat of the step that cites it)
     * may read it, and a project design document, validation report, monitoring report or
     * verification report becomes public once its project is registered.
     *
     * <p>No citation is recorded yet: the application route that cites documents in its events is
     * not part of this service so far, so this grants nothing, and documents are readable only
     * under the first two rules. When the route records its citations, this is the one place
     * that reads them.
     */
    static boolean citationGrants(Side reader, StoredDocument document) {
        return false;
    }
}
