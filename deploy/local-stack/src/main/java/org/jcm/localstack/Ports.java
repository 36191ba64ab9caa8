package org.jcm.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks, before anything starts, that every port the stack needs is distinct and free. */
public final class Ports {

    private Ports() {
    }

    /**
     * Throws {@link StackException} naming each port that is taken, with the option that moves it.
     *
     * @param ports what listens where: label (e.g. "registry-api HTTP") to port
     * @param options the option and variable that change each label's port
     */
    public static void checkFree(LinkedHashMap<String, Integer> ports, Map<String, String> options) {
        Map<Integer, String> seen = new HashMap<>();
        for (Map.Entry<String, Integer> port : ports.entrySet()) {
            String other = seen.putIfAbsent(port.getValue(), port.getKey());
            if (other != null) {
                throw new StackException(StackException.PORT_BUSY, other + " and " + port.getKey()
                        + " are both set to port " + port.getValue() + "; give each its own port");
            }
        }
        List<String> busy = new ArrayList<>();
        ports.forEach((label, port) -> {
            if (!isFree(port)) {
                busy.add("  port " + port + " (" + label + ") is in use by another program; choose another with "
                        + options.get(label));
            }
        });
        if (!busy.isEmpty()) {
            throw new StackException(StackException.PORT_BUSY,
                    "Cannot start: ports are taken.\n" + String.join("\n", busy)
                    + "\n  (ss -ltnp or lsof -i :PORT shows which program holds a port)");
        }
    }

    /**
     * A port that is free now, chosen by the system: for a listener that only the stack itself calls
     * (a service's management interface), so no option moves it.
     */
    public static int anyFree() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StackException(StackException.PORT_BUSY, "Cannot find a free port: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a listening socket could be bound to the port on every interface. A program listening
     * on the port on any address, loopback included, makes that fail; a connection in TIME_WAIT
     * does not, as the services themselves bind with SO_REUSEADDR.
     */
    public static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
