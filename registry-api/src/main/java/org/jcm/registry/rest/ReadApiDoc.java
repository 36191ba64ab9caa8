package org.jcm.registry.rest;

/** Texts shared by the OpenAPI annotations of the read endpoints. */
final class ReadApiDoc {

    static final String PAGED = "Paged: ?limit= 1 to 1,000 (default 100) and ?after= the 'next' of the previous page; "
            + "next is null on the last page.";
    static final String E400_LIST = "A bad limit (invalid_limit) or cursor (invalid_cursor), or a query parameter the "
            + "endpoint does not know, gives twice or cannot read (invalid_query_parameter)";
    static final String E401 = "No bearer token, or one that is expired, wrongly signed or from another issuer (unauthorized)";
    static final String E403 = "The token's role may not read this at all (forbidden_role, checked first) or its "
            + "organization, registry or Party does not cover it (forbidden_scope)";

    private ReadApiDoc() {
    }
}
