package org.jcm.registry.rest;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The query parameters of the endpoints that read them through {@link QueryParameters} rather than
 * {@code @QueryParam}, declared in the OpenAPI document so that a generated client can send them.
 * Each list here is the set the endpoint passes to {@link QueryParameters#of}; OpenApiDocumentTest
 * asks every public one without path parameters for an unknown parameter and checks that the names
 * its 400 says it takes are the ones declared. A parameter the operation already declares is left as it is.
 */
final class QueryParameterDocs {

    private static final List<String> PAGED = List.of("after", "limit");

    /** operationId to the query parameters its endpoint takes, besides {@code format}. */
    static final Map<String, List<String>> TAKES = Map.ofEntries(
            Map.entry("listApplications", List.of("state", "host", "holder", "mine", "after", "limit")),
            Map.entry("listMonitoringCycles", List.of("projectId", "state", "holder", "after", "limit")),
            Map.entry("getReviewTimes", List.of("step", "party", "year", "financing")),
            Map.entry("listAccounts", List.of("registryId", "organizationId", "type", "status", "frozen", "namePrefix",
                    "after", "limit")),
            Map.entry("listAccountHoldings", PAGED),
            Map.entry("listAccountTransactions", List.of("after", "limit", "order")),
            Map.entry("listPendingTransfers", List.of("status", "accountId", "after", "limit")),
            Map.entry("listProposals", List.of("status", "kind", "after", "limit")),
            Map.entry("listMethodologies", List.of("host", "scope", "status", "after", "limit")),
            Map.entry("listThirdPartyEntities", PAGED),
            Map.entry("getUnitProof", PAGED),
            Map.entry("listIssuanceRequests", List.of("mine", "after", "limit")),
            Map.entry("listCheckpoints", PAGED),
            Map.entry("getInclusionProof", List.of("seq", "treeSize")),
            Map.entry("getConsistencyProof", List.of("from", "to")),
            Map.entry("listProjects", PAGED),
            Map.entry("listOrganizations", List.of("registryId", "namePrefix", "after", "limit")),
            Map.entry("listPublications", PAGED),
            Map.entry("lookUpUnit", PAGED),
            Map.entry("listBlocks", List.of("projectId", "vintage", "status", "label", "registryId", "after", "limit")),
            Map.entry("downloadDocument", List.of("fileName")));

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("after", "The `next` cursor of the previous page (or its Next-Cursor header); absent for the first page."),
            Map.entry("limit", "Items per page, 1 to 1000; default 100."),
            Map.entry("order", "`oldest` for oldest first; newest first otherwise."),
            Map.entry("mine", "`true` for the caller's own only."),
            Map.entry("namePrefix", "The name starts with this (1 to 200 characters)."),
            Map.entry("seq", "The entry's seq."),
            Map.entry("treeSize", "The checkpoint's tree size."),
            Map.entry("from", "The smaller tree size."),
            Map.entry("to", "The larger tree size."),
            Map.entry("fileName", "The file name for Content-Disposition."));

    private QueryParameterDocs() {
    }

    /** Adds the query parameters {@link #TAKES} names for the operation and it does not declare yet. */
    static void declare(Operation operation) {
        List<String> names = operation == null || operation.getOperationId() == null ? null
                : TAKES.get(operation.getOperationId());
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (!declared(operation, name)) {
                operation.addParameter(parameter(name));
            }
        }
    }

    private static boolean declared(Operation operation, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY && name.equals(p.getName()));
    }

    private static Parameter parameter(String name) {
        return OASFactory.createParameter().name(name).in(Parameter.In.QUERY).required(false)
                .description(DESCRIPTIONS.getOrDefault(name, "Filter by " + name + " (docs/api.md)."))
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING));
    }
}
