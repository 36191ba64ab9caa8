package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The @ConfigMapping scanner against a fixture interface using every construct it understands. */
class ConfigMappingScannerTest {

    private static final Path SOURCES = Path.of("src/test/resources/fixtures/services/registry-api/src/main/java");

    @Test
    void members_groups_names_and_maps_become_properties() {
        ConfigMappingScanner.Declared declared = ConfigMappingScanner.scan(SOURCES);

        assertThat(declared.properties()).containsExactly(
                "jcm.fixture.consumer.topic-name",
                "jcm.fixture.lock-retry-interval",
                "jcm.fixture.max-batch-size",
                "jcm.fixture.queue-capacity");
        assertThat(declared.mapPrefixes()).containsExactly("jcm.fixture.labels");
    }

    @Test
    void an_absent_source_directory_declares_nothing() {
        ConfigMappingScanner.Declared declared = ConfigMappingScanner.scan(Path.of("does/not/exist"));

        assertThat(declared.properties()).isEmpty();
        assertThat(declared.mapPrefixes()).isEmpty();
    }
}
