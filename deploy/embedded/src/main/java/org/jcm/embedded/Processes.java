package org.jcm.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Process checks that tell a running process from a zombie waiting to be reaped. */
final class Processes {

    private Processes() {
    }

    /**
     * Tells whether a process still runs. The JDK counts a zombie as alive, and a postmaster
     * that pg_ctl left behind is reaped by the init process, which in some containers reaps
     * only now and then; a zombie holds no port, no file and no memory, so it counts as ended.
     */
    static boolean isRunning(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            // The state follows the command name, which is in parentheses and may contain spaces.
            int afterName = stat.lastIndexOf(')');
            char state = afterName >= 0 && afterName + 2 < stat.length() ? stat.charAt(afterName + 2) : '?';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            // Without /proc (not Linux) or after the process vanished, trust the JDK.
            return process.isAlive();
        }
    }

    /** Tells whether the process with this id still runs. */
    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(Processes::isRunning).orElse(false);
    }
}
