package org.jcm.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The MicroProfile Config naming rules the checks rely on. */
class EnvNamesTest {

    @Test
    void a_property_is_found_in_the_environment_upper_cased_with_non_alphanumerics_as_underscores() {
        assertThat(EnvNames.of("quarkus.datasource.reactive.url")).isEqualTo("QUARKUS_DATASOURCE_REACTIVE_URL");
        assertThat(EnvNames.of("jcm.writer.max-batch-size")).isEqualTo("JCM_WRITER_MAX_BATCH_SIZE");
        assertThat(EnvNames.of("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");
    }

    @Test
    void mapping_members_are_named_in_kebab_case() {
        assertThat(EnvNames.kebab("maxPollRecords")).isEqualTo("max-poll-records");
        assertThat(EnvNames.kebab("enabled")).isEqualTo("enabled");
        assertThat(EnvNames.kebab("vwapScale")).isEqualTo("vwap-scale");
    }

    @Test
    void a_kafka_variable_becomes_the_client_property_with_dots() {
        assertThat(EnvNames.kafkaClientProperty("KAFKA_SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
    }

    @Test
    void distance_counts_single_character_edits() {
        assertThat(EnvNames.distance("URL", "ULR")).isEqualTo(2);
        assertThat(EnvNames.distance("BATCH", "BACH")).isEqualTo(1);
        assertThat(EnvNames.distance("SAME", "SAME")).isZero();
    }
}
