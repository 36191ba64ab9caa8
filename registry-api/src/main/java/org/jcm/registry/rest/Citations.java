package org.jcm.registry.rest;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Command;
import org.jcm.ledger.id.DocumentRef;
import org.jcm.registry.api.DocumentCitation;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.registry.document.DocumentAccess;
import org.jcm.registry.document.DocumentProblems;
import org.jcm.registry.document.DocumentStore;
import org.jcm.registry.document.Side;
import org.jcm.registry.document.StoredDocument;
import org.jcm.registry.query.KeyQueries;
import org.jcm.registry.query.RouteAudience;
import org.jcm.registry.query.RouteQueries;
import org.jcm.support.problem.FieldError;
import org.jcm.support.problem.ProblemException;

/**
 * The mutations of the project cycle whose requests cite documents ({@code [{sha256, kind}]}):
 * each citation is checked, the command is built once with stand-ins so that every malformed
 * field is a 400 before the document store is asked, then every cited hash is looked up in the
 * {@link DocumentStore} and the ledger's {@link DocumentRef} gets the stored file name, media type
 * and size. A hash that was never uploaded, or whose document the caller may not read
 * (docs/documents.md, "Citing a document"), is 422 {@code unknown_document}, answered before
 * anything reaches the writer.
 */
@ApplicationScoped
public class Citations {

    private final Mutations mutations;
    private final DocumentStore store;
    private final RouteQueries route;
    private final KeyQueries keys;

    Citations(Mutations mutations, DocumentStore store, RouteQueries route, KeyQueries keys) {
        this.mutations = mutations;
        this.store = store;
        this.route = route;
        this.keys = keys;
    }

    /**
     * Executes a mutation whose command cites {@code documents}: {@code command} builds it from the
     * references, in the order of the citations. The other parameters are those of
     * {@link Mutations#execute}.
     */
    Uni<Response> execute(String operation, String keyHeader, Object hashed, Actor actor, List<DocumentCitation> documents,
                          Function<List<DocumentRef>, Command> command, String locationPrefix) {
        return mutations.executeLater(operation, keyHeader, hashed, actor, () -> {
            List<DocumentCitation.Checked> cited = DocumentCitation.check(documents);
            command.apply(DocumentCitation.standIns(cited));
            // A replay of a key this subject used is the writer's to answer (the stored outcome, or 403
            // forbidden for another scope, or 409 for another body); it never executes the command
            // again, so the check of who may cite is for first requests only.
            return keys.used(actor.subject(), keyHeader).chain(replay -> refs(cited, actor, !replay)).map(command);
        }, locationPrefix);
    }

    /**
     * The ledger's references of checked citations, from the store, one look-up per distinct hash
     * in turn; fails with 422 {@code unknown_document} for the first citation of a hash never uploaded,
     * or, unless {@code checkReader} is false (a replay), of a document the caller may not read
     * ({@link DocumentAccess#mayCite}): the same answer, so that a caller learns nothing about
     * documents it may not read.
     */
    Uni<List<DocumentRef>> refs(List<DocumentCitation.Checked> cited, Actor actor, boolean checkReader) {
        Side side = new Side(actor.role().wireName(), actor.scope() == null ? "" : actor.scope());
        List<String> hashes = cited.stream().map(DocumentCitation.Checked::sha256).distinct().toList();
        return Multi.createFrom().iterable(hashes).onItem()
                .transformToUniAndConcatenate(sha -> checkReader ? citable(sha, side) : store.find(sha))
                .collect().asList()
                .map(found -> {
                    Map<String, StoredDocument> stored = new HashMap<>();
                    for (Optional<StoredDocument> d : found) {
                        d.ifPresent(document -> stored.put(document.sha256(), document));
                    }
                    List<DocumentRef> refs = new ArrayList<>(cited.size());
                    for (DocumentCitation.Checked c : cited) {
                        StoredDocument d = stored.get(c.sha256());
                        if (d == null) {
                            throw unknown(c);
                        }
                        refs.add(c.ref(d.fileName(), d.mediaType(), d.size()));
                    }
                    return refs;
                });
    }

    /** The stored document of {@code sha256} if {@code side} may cite it; empty if it was never uploaded or may not. */
    private Uni<Optional<StoredDocument>> citable(String sha256, Side side) {
        return store.find(sha256).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            return route.citing(sha256, new RouteAudience(side.role(), side.scope())).map(citing -> {
                List<DocumentAccess.Citation> citations = citing.stream().map(c -> new DocumentAccess.Citation(
                        DocumentKind.valueOf(c.kind()), c.registered(), c.readerSees())).toList();
                return DocumentAccess.mayCite(side, found.get(), citations) ? found : Optional.<StoredDocument>empty();
            });
        });
    }

    /** 422 {@code unknown_document}: the request is well-formed, but cites bytes this registry never received. */
    static ProblemException unknown(DocumentCitation.Checked c) {
        String detail = "No document with the SHA-256 " + c.sha256() + " can be cited by this caller: upload it with "
                + "POST /api/v1/documents before citing it (a document may be cited by those who may read it).";
        return new ProblemException(422, DocumentProblems.UNKNOWN_DOCUMENT, detail,
                List.of(new FieldError(c.field() + ".sha256", detail)));
    }
}
