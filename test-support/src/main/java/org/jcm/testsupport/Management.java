package org.jcm.testsupport;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/**
 * Requests to the management interface of the service under test: {@code /q/health} and
 * {@code /q/metrics} are served there, on their own port (quarkus.management.*; the tests take a
 * free one), not on the API's port (docs/operations.md, "The management interface").
 */
public final class Management {

    private Management() {
    }

    /** A RestAssured request aimed at the management port; paths stay {@code /q/health}, {@code /q/metrics}. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }

    /** The port the management interface of the running test application listens on. */
    public static int port() {
        return URI.create(TestHTTPResourceManager.getManagementUri()).getPort();
    }
}
