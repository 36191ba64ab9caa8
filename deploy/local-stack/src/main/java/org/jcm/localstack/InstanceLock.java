package org.jcm.localstack;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * One launcher per data folder: an operating-system lock on {@code stack.lock}, which dies with its
 * process, and in the file the launcher's process id and what it started, so that a second start
 * can say who holds the folder and a start after a killed launcher can stop what it left running.
 */
final class InstanceLock implements AutoCloseable {

    static final String PID = "pid";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final Map<String, String> previous;
    private final Map<String, String> current = new TreeMap<>();

    private InstanceLock(Path file, FileChannel channel, FileLock lock, Map<String, String> previous) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.previous = previous;
    }

    /**
     * Takes the lock, or throws {@link StackException} saying which process holds it.
     */
    static InstanceLock acquire(Path file) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            Map<String, String> recorded = read(channel);
            if (lock == null) {
                channel.close();
                throw new StackException(StackException.ALREADY_RUNNING, alreadyRunning(file, recorded));
            }
            InstanceLock taken = new InstanceLock(file, channel, lock, recorded);
            taken.put(PID, Long.toString(ProcessHandle.current().pid()));
            return taken;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("Cannot lock " + file, e);
        }
    }

    /** What the previous launcher of this folder recorded, if it did not remove the file (it was killed). */
    Map<String, String> previous() {
        return previous;
    }

    /** Records one fact (a port, a child's pid) in the lock file. */
    synchronized void put(String key, String value) {
        current.put(key, value);
        Properties properties = new Properties();
        properties.putAll(current);
        StringWriter text = new StringWriter();
        try {
            properties.store(text, "JCM local stack running; this file is removed when it stops");
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.ISO_8859_1)), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Removes the file and releases the lock. */
    @Override
    public synchronized void close() {
        try {
            Files.deleteIfExists(file);
            lock.release();
        } catch (IOException e) {
            // The lock dies with the process anyway; a leftover file is harmless (it is read, not trusted).
        } finally {
            closeQuietly(channel);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            // Held by this very JVM.
            return null;
        }
    }

    private static Map<String, String> read(FileChannel channel) throws IOException {
        long size = Math.min(channel.size(), 64 * 1024);
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        channel.read(buffer, 0);
        Properties properties = new Properties();
        properties.load(new StringReader(new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1)));
        Map<String, String> values = new TreeMap<>();
        properties.forEach((key, value) -> values.put(key.toString(), value.toString()));
        return values;
    }

    private static String alreadyRunning(Path file, Map<String, String> recorded) {
        Optional<Long> pid = Optional.ofNullable(recorded.get(PID)).flatMap(InstanceLock::parsePid);
        boolean alive = pid.flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
        StringBuilder message = new StringBuilder("A JCM local stack is already running on the data folder ")
                .append(file.getParent());
        if (alive) {
            message.append(" (launcher pid ").append(pid.get());
            Optional.ofNullable(recorded.get("registry.url")).ifPresent(url -> message.append(", registry-api at ").append(url));
            message.append(").\nStop it with Ctrl-C in its terminal or 'kill ").append(pid.get())
                    .append("', or start another one with its own --data folder and ports.");
        } else {
            message.append(" (its lock ").append(file).append(" is held by another process).");
        }
        return message.toString();
    }

    static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing more to release.
        }
    }
}
