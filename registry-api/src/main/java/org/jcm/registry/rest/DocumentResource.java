package org.jcm.registry.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jcm.ledger.command.Actor;
import org.jcm.ledger.command.Role;
import org.jcm.ledger.id.DocumentKind;
import org.jcm.registry.api.DocumentJson;
import org.jcm.registry.document.ContentDigest;
import org.jcm.registry.document.DocumentAccess;
import org.jcm.registry.document.DocumentBodyLimit;
import org.jcm.registry.document.DocumentProblems;
import org.jcm.registry.document.DocumentStore;
import org.jcm.registry.document.DocumentUpload;
import org.jcm.registry.document.FileNames;
import org.jcm.registry.document.ReceivedBody;
import org.jcm.registry.document.Side;
import org.jcm.registry.document.StoredDocument;
import org.jcm.registry.limit.MutationRateLimit;
import org.jcm.registry.query.RouteAudience;
import org.jcm.registry.query.RouteQueries;
import org.jcm.registry.security.Actors;
import org.jcm.support.problem.Problem;

/**
 * The document store (docs/documents.md): uploads of the files that submissions carry, stored by
 * their SHA-256, and their download and metadata for those who may read them ({@link DocumentAccess}).
 */
@Path("/api/v1/documents")
@Tag(name = "Documents")
public class DocumentResource {

    /** Who may upload: everyone who submits or reviews in the project cycle, and the operator. */
    static final Role[] UPLOADERS = {Role.ACCOUNT_HOLDER, Role.GOVERNMENT, Role.THIRD_PARTY_ENTITY, Role.JC_SECRETARIAT,
        Role.REGISTRY_ADMIN, Role.OPERATOR};
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final String PREFIX = DocumentBodyLimit.UPLOAD_PATH + "/";

    private final DocumentStore store;
    private final DocumentBodyLimit limit;
    private final MutationRateLimit rateLimit;
    private final JsonWebToken token;
    private final RouteQueries route;

    DocumentResource(DocumentStore store, DocumentBodyLimit limit, MutationRateLimit rateLimit, JsonWebToken token,
                     RouteQueries route) {
        this.route = route;
        this.store = store;
        this.limit = limit;
        this.rateLimit = rateLimit;
        this.token = token;
    }

    /** Stores the body as a document; the same bytes again answer the stored document. */
    @POST
    @Blocking
    @Authenticated
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "uploadDocument", summary = "Upload a document (raw body) for a project cycle submission", description = "The body is the "
            + "file, its Content-Type one of application/pdf, application/vnd.openxmlformats-officedocument.spreadsheetml."
            + "sheet, application/vnd.ms-excel, application/vnd.oasis.opendocument.spreadsheet, text/csv (UTF-8), image/png, "
            + "image/jpeg, application/zip, and the bytes must be of that type. The name comes from ?fileName= or "
            + "Content-Disposition: attachment; filename=\"...\" (or filename*=UTF-8''...). An optional Content-Digest: "
            + "sha-256=:<base64>: is checked. At most jcm.documents.max-size (20 MiB). For account holders, governments, "
            + "third-party entities, JC secretariats, registry administrators and the operator; rate-limited like mutations.")
    @APIResponse(responseCode = "201", description = "Stored; Location is the document", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentJson.class)))
    @APIResponse(responseCode = "200", description = "These bytes were stored before: the stored document", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DocumentJson.class)))
    @APIResponse(responseCode = "400", description = "empty_document, document_hash_mismatch, invalid_content_digest, "
            + "invalid_file_name, invalid_query_parameter", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "document_too_large", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "unsupported_document_type", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = ApiDoc.E429)
    @APIResponse(responseCode = "503", description = "The database is unreachable (ledger_unavailable)")
    public Uni<Response> upload(InputStream body, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Content-Disposition") String disposition, @HeaderParam("Content-Digest") String digest,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength, @Context UriInfo uri) throws IOException {
        Actor actor = Actors.of(token, UPLOADERS);
        Response limited = rateLimit.refusal(actor.subject());
        if (limited != null) {
            return Uni.createFrom().item(limited);
        }
        String fileName = QueryParameters.of(uri, Set.of("fileName")).get("fileName");
        DocumentUpload upload = DocumentUpload.declared(contentType, fileName, disposition, digest);
        ReceivedBody received;
        try {
            received = ReceivedBody.read(body, limit.limitBytes(), length(contentLength));
        } catch (ReceivedBody.TooLarge e) {
            return Uni.createFrom().item(DocumentProblems.tooLarge(limit.limitBytes(), "The document is larger than that"));
        }
        upload.check(received);
        Side uploader = new Side(actor.role().wireName(), actor.scope());
        return store.store(received, upload.type(), upload.fileName(), uploader, actor.subject())
                .map(stored -> Response.status(stored.created() ? 201 : 200).type(MediaType.APPLICATION_JSON_TYPE)
                        .location(URI.create(PREFIX + stored.document().sha256())).entity(json(stored.document())).build());
    }

    /** The document's bytes. */
    @GET
    @Path("{sha256}")
    @PermitAll
    @Blocking
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "downloadDocument", summary = "A document's bytes", description = "With its media type, Content-Disposition: attachment, "
            + "ETag (the SHA-256, quoted) and Content-Digest. For the side that uploaded it, the audience of an application "
            + "citing it, auditors and the operator; without a token once public (a PDD, report or JC decision of a "
            + "registered project; docs/documents.md). If-None-Match with the ETag answers 304.")
    @APIResponse(responseCode = "200", description = "The bytes")
    @APIResponse(responseCode = "400", description = "invalid_document_id", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden_scope", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown_document", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<Response> download(@RestPath String sha256, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @Context UriInfo uri) {
        return readable(sha256, uri).chain(document -> {
            if (etag(document).equals(ifNoneMatch)) {
                return Uni.createFrom().item(headers(Response.notModified(), document).build());
            }
            return store.content(sha256).map(bytes -> headers(Response.ok(bytes.orElseThrow(() -> DocumentProblems
                    .unknown(sha256))), document).header(HttpHeaders.CONTENT_LENGTH, document.size()).build());
        });
    }

    /** The document's headers, without its bytes. */
    @HEAD
    @Path("{sha256}")
    @PermitAll
    @Blocking
    @Produces(MediaType.WILDCARD)
    @Operation(operationId = "checkDocument", summary = "A document's headers, as GET answers them, without the bytes")
    @APIResponse(responseCode = "200", description = "The headers")
    public Uni<Response> head(@RestPath String sha256, @Context UriInfo uri) {
        return readable(sha256, uri).map(document -> headers(Response.ok(), document)
                .header(HttpHeaders.CONTENT_LENGTH, document.size()).build());
    }

    /** The document's metadata. */
    @GET
    @Path("{sha256}/metadata")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDocumentMetadata", summary = "A document's metadata", description = "SHA-256, size, media type, file name and time of its "
            + "first upload. For the side that uploaded it, auditors and the operator.")
    @APIResponse(responseCode = "200", description = "The metadata")
    @APIResponse(responseCode = "400", description = "invalid_document_id", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden_scope", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "unknown_document", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public Uni<DocumentJson> metadata(@RestPath String sha256, @Context UriInfo uri) {
        return readable(sha256, uri).map(DocumentResource::json);
    }

    /** The document, once the id is well-formed, it exists, and the token may read it. */
    private Uni<StoredDocument> readable(String sha256, UriInfo uri) {
        QueryParameters.of(uri, Set.of());
        if (!SHA256.matcher(sha256).matches()) {
            throw DocumentProblems.invalidId();
        }
        Optional<Side> reader = Side.of(token);
        RouteAudience audience = reader.map(side -> new RouteAudience(side.role(), side.scope())).orElse(RouteAudience.NOBODY);
        return store.find(sha256).chain(found -> {
            StoredDocument document = found.orElseThrow(() -> DocumentProblems.unknown(sha256));
            return route.citing(sha256, audience).map(citing -> {
                DocumentAccess.checkRead(reader, token != null && token.getRawToken() != null, document, citing.stream()
                        .map(c -> new DocumentAccess.Citation(DocumentKind.valueOf(c.kind()), c.registered(), c.readerSees()))
                        .toList());
                return document;
            });
        });
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder response, StoredDocument document) {
        String type = document.mediaType().equals("text/csv") ? "text/csv; charset=utf-8" : document.mediaType();
        return response.header(HttpHeaders.CONTENT_TYPE, type)
                .header("Content-Disposition", FileNames.disposition(document.fileName()))
                .header(HttpHeaders.ETAG, etag(document))
                .header("Content-Digest", ContentDigest.of(document.sha256()))
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache");
    }

    private static String etag(StoredDocument document) {
        return "\"" + document.sha256() + "\"";
    }

    static DocumentJson json(StoredDocument document) {
        String self = PREFIX + document.sha256();
        return new DocumentJson(document.sha256(), document.size(), document.mediaType(), document.fileName(),
                document.uploadedAt().toString(), new DocumentJson.Links(self, self + "/metadata"));
    }

    private static long length(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
