package org.jcm.devmode;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The factory starts nothing and adds no setting outside dev mode: tests, a packaged service (which
 * does not have the module at all) and a dev mode switched to the configured servers keep their own
 * configuration. (That it does start and point a service at the servers in dev mode is checked by
 * running dev mode: docs/development.md.)
 */
class DevModeConfigSourceFactoryTest {

    private final DevModeConfigSourceFactory factory = new DevModeConfigSourceFactory();

    @Test
    void in_the_test_profile_it_adds_no_source() {
        assertThat(factory.getConfigSources(context(List.of("test"), Map.of("quarkus.application.name", "registry-api"))))
                .isEmpty();
    }

    @Test
    void in_the_production_profile_it_adds_no_source() {
        assertThat(factory.getConfigSources(context(List.of("prod"), Map.of("quarkus.application.name", "settlement"))))
                .isEmpty();
    }

    @Test
    void in_dev_mode_switched_off_it_adds_no_source() {
        assertThat(factory.getConfigSources(context(List.of("dev"),
                Map.of("quarkus.application.name", "registry-api", "jcm.dev.embedded", "false")))).isEmpty();
    }

    @Test
    void in_dev_mode_of_an_application_it_does_not_know_it_adds_no_source() {
        assertThat(factory.getConfigSources(context(List.of("dev"), Map.of("quarkus.application.name", "other"))))
                .isEmpty();
    }

    @Test
    void its_settings_rank_above_application_properties_and_below_the_environment() {
        assertThat(DevModeConfigSourceFactory.ORDINAL).isGreaterThan(250).isLessThan(300);
        assertThat(DevModeConfigSourceFactory.DATABASES)
                .containsExactlyInAnyOrderEntriesOf(Map.of("registry-api", "registry", "settlement", "settlement"));
    }

    private static ConfigSourceContext context(List<String> profiles, Map<String, String> values) {
        return new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String value = values.get(name);
                return value == null ? null : ConfigValue.builder().withName(name).withValue(value).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return values.keySet().iterator();
            }

            @Override
            public List<String> getProfiles() {
                return profiles;
            }
        };
    }
}
