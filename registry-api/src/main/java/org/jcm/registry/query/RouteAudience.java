package org.jcm.registry.query;

import java.util.List;

/**
 * Who sees a project application before it is registered (docs/security.md, "The application
 * route"), as an SQL condition on the {@code application} row aliased {@code a}: the account holders
 * of its participant organizations (representative, others, proxy), the governments and JC
 * secretariats of its hosts, third-party entities accredited for one of its hosts, the
 * administrators of a registry of a host, auditors and the operator. Once registered it is public;
 * {@link #visible} adds that.
 *
 * @param role the reader's role (a token group, e.g. {@code account-holder}), or "" without a token
 * @param scope that role's scope claim (organization, Party, registry or entity id), or ""
 */
public record RouteAudience(String role, String scope) {

    /** A reader without a token or without a role the registry knows. */
    public static final RouteAudience NOBODY = new RouteAudience("", "");

    /** Whether the reader carries a role at all. */
    public boolean identified() {
        return !role.isEmpty();
    }

    /** The condition that the reader is in the application's audience; may add {@code scope} to {@code params}. */
    String sees(List<Object> params) {
        if (role.equals("operator") || role.equals("auditor")) {
            return "TRUE";
        }
        if (scope.isEmpty()) {
            return "FALSE";
        }
        String hosts = "string_to_array(a.host_parties, ';')";
        String p;
        if (role.equals("account-holder")) {
            p = param(params);
            return "(a.representative_id = " + p + " OR a.proxy_id = " + p + " OR " + p
                    + " = ANY(string_to_array(a.other_participants, ';')))";
        }
        if (role.equals("government") || role.equals("jc-secretariat")) {
            return param(params) + " = ANY(" + hosts + ")";
        }
        if (role.equals("registry-admin")) {
            return "EXISTS (SELECT 1 FROM registry r WHERE r.id = " + param(params) + " AND r.party = ANY(" + hosts + "))";
        }
        if (role.equals("third-party-entity")) {
            return "EXISTS (SELECT 1 FROM third_party_entity t WHERE t.id = " + param(params)
                    + " AND string_to_array(t.host_parties, ';') && " + hosts + ")";
        }
        return "FALSE";
    }

    /** The condition that the reader may see the application: registered, or in its audience. */
    String visible(List<Object> params) {
        return "(a.state = 'REGISTERED' OR " + sees(params) + ")";
    }

    private String param(List<Object> params) {
        params.add(scope);
        return "$" + params.size();
    }
}
