package org.jcm.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests what the committed OpenAPI copy keeps and how a difference is reported. */
class OpenApiSnapshotTest {

    private static final String SERVED = """
            {"openapi":"3.1.0","paths":{
              "/api/v1/a":{"get":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/A"}}}}}}},
              "/test/echo":{"post":{"responses":{"200":{"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Echo"}}}}}}}},
             "components":{"schemas":{"A":{"properties":{"b":{"$ref":"#/components/schemas/B"}}},"B":{"type":"string"},
              "Echo":{"type":"object"}}}}""";

    @Test
    void only_the_api_paths_and_the_schemas_they_reach_are_kept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("docs/openapi/x.json");
        System.setProperty(OpenApiSnapshot.REFRESH, "true");
        try {
            assertThat(OpenApiSnapshot.drift(SERVED, "/api/", file)).isNull();
        } finally {
            System.clearProperty(OpenApiSnapshot.REFRESH);
        }
        String written = Files.readString(file);
        assertThat(written).contains("/api/v1/a", "\"A\"", "\"B\"").doesNotContain("/test/echo", "Echo").endsWith("}\n");
        assertThat(OpenApiSnapshot.drift(SERVED.replace(" ", ""), "/api/", file)).isNull();
    }

    @Test
    void a_difference_or_a_missing_file_says_how_to_refresh(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("x.json");
        assertThat(OpenApiSnapshot.drift(SERVED, "/api/", file)).contains("missing").contains("-Dopenapi.refresh=true");
        Files.writeString(file, "{\"openapi\":\"3.1.0\",\"paths\":{}}");
        assertThat(OpenApiSnapshot.drift(SERVED, "/api/", file)).contains("not the served document");
    }
}
