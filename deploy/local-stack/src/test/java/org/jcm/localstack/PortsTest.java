package org.jcm.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortsTest {

    private static final Map<String, String> OPTIONS = Map.of("registry-api HTTP", "--registry-port",
            "PostgreSQL", "--postgres-port");

    @Test
    void a_port_taken_on_the_loopback_address_is_reported_with_the_option_that_moves_it() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int free = freePort();
            LinkedHashMap<String, Integer> ports = new LinkedHashMap<>();
            ports.put("registry-api HTTP", taken.getLocalPort());
            ports.put("PostgreSQL", free);

            assertThatThrownBy(() -> Ports.checkFree(ports, OPTIONS))
                    .isInstanceOfSatisfying(StackException.class,
                            e -> assertThat(e.exitCode()).isEqualTo(StackException.PORT_BUSY))
                    .hasMessageContaining("port " + taken.getLocalPort() + " (registry-api HTTP) is in use")
                    .hasMessageContaining("--registry-port")
                    .hasMessageNotContaining("port " + free + " ");
        }
    }

    @Test
    void two_services_on_one_port_are_refused() {
        LinkedHashMap<String, Integer> ports = new LinkedHashMap<>();
        ports.put("registry-api HTTP", 18080);
        ports.put("PostgreSQL", 18080);

        assertThatThrownBy(() -> Ports.checkFree(ports, OPTIONS)).hasMessageContaining("both set to port 18080");
    }

    @Test
    void free_ports_pass() throws Exception {
        LinkedHashMap<String, Integer> ports = new LinkedHashMap<>();
        ports.put("registry-api HTTP", freePort());

        Ports.checkFree(ports, OPTIONS);

        assertThat(Ports.isFree(ports.get("registry-api HTTP"))).isTrue();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
