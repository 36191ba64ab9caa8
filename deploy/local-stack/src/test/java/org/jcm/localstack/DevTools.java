package org.jcm.localstack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jcm.ledger.canonical.Json;

/**
 * One headless Chromium page driven over the Chrome DevTools protocol, as a person would use it:
 * load a page, focus a field, type, press Enter, and read the page back; and, to show what the page
 * does with answers it cannot trust, rewrite responses before the page sees them (the Fetch domain)
 * or run a script before the page's own. Only what the explorer's browser test needs.
 */
final class DevTools implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on ws://127\\.0\\.0\\.1:(\\d+)/");
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    private final Process browser;
    private final WebSocket socket;
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<Map<String, Object>>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Map<String, Object>>> handlers = new ConcurrentHashMap<>();
    /** Events are handled off the socket's thread, so that a handler may call the browser and wait. */
    private final ExecutorService events = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "devtools-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Object sending = new Object();
    private final AtomicInteger rewritten = new AtomicInteger();
    private final Queue<Exception> rewriteFailures = new ConcurrentLinkedQueue<>();

    private DevTools(Process browser, WebSocket socket) {
        this.browser = browser;
        this.socket = socket;
    }

    /**
     * Starts Chromium ({@code command}: the binary and its flags, without a URL) with a DevTools port
     * of its choosing and connects to its one page. Its diagnostics go to {@code log}.
     */
    static DevTools start(List<String> command, Path log) throws Exception {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of("--remote-debugging-port=0", "about:blank"));
        Process browser = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            int port = awaitPort(browser, log);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
            String page = null;
            for (Object target : (List<?>) Json.parse(targets)) {
                Map<?, ?> t = (Map<?, ?>) target;
                if ("page".equals(t.get("type"))) {
                    page = (String) t.get("webSocketDebuggerUrl");
                    break;
                }
            }
            if (page == null) {
                throw new IllegalStateException("Chromium lists no page: " + targets);
            }
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(page), listener).get(30, TimeUnit.SECONDS);
            DevTools devTools = new DevTools(browser, socket);
            listener.devTools = devTools;
            return devTools;
        } catch (Exception | Error e) {
            stop(browser);
            throw e;
        }
    }

    private static int awaitPort(Process browser, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Matcher listening = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (listening.find()) {
                return Integer.parseInt(listening.group(1));
            }
            if (!browser.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + browser.exitValue() + ": " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Chromium did not open its DevTools port: " + Files.readString(log));
    }

    /** Calls a DevTools method and returns its result; a protocol error is an exception. */
    Map<String, Object> call(String method, Map<String, Object> params) throws Exception {
        long id = ids.incrementAndGet();
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        pending.put(id, answer);
        // The test's thread and the event thread both send; a WebSocket takes one message at a time.
        synchronized (sending) {
            socket.sendText(Json.write(Map.of("id", id, "method", method, "params", params)), true).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> message = answer.get(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message.containsKey("error")) {
            throw new IllegalStateException(method + " failed: " + Json.write(message.get("error")));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) message.getOrDefault("result", Map.of());
        return result;
    }

    /** The value of a JavaScript expression in the page (promises awaited). */
    Object evaluate(String expression) throws Exception {
        Map<String, Object> result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true,
                "awaitPromise", true));
        if (result.containsKey("exceptionDetails")) {
            throw new IllegalStateException(expression + " threw: " + Json.write(result.get("exceptionDetails")));
        }
        return ((Map<?, ?>) result.get("result")).get("value");
    }

    /** Loads a page. */
    void navigate(String url) throws Exception {
        call("Page.navigate", Map.of("url", url));
    }

    /** Types text where the focus is, as keyboard input. */
    void type(String text) throws Exception {
        call("Input.insertText", Map.of("text", text));
    }

    /** Presses and releases Enter where the focus is. */
    void pressEnter() throws Exception {
        call("Input.dispatchKeyEvent", Map.of("type", "keyDown", "key", "Enter", "code", "Enter",
                "windowsVirtualKeyCode", 13, "nativeVirtualKeyCode", 13, "text", "\r"));
        call("Input.dispatchKeyEvent", Map.of("type", "keyUp", "key", "Enter", "code", "Enter",
                "windowsVirtualKeyCode", 13, "nativeVirtualKeyCode", 13));
    }

    /** Clicks an element as a person would press it (its click handler and form submission run). */
    void click(String selector) throws Exception {
        Object found = evaluate("(() => { const e = document.querySelector(" + Json.write(selector) + "); "
                + "if (!e) { return false; } e.click(); return true; })()");
        if (!Boolean.TRUE.equals(found)) {
            throw new IllegalStateException("Nothing to click at " + selector);
        }
    }

    /** Runs a script in every document this page loads from now on, before the document's own scripts. */
    void beforeEveryDocument(String source) throws Exception {
        call("Page.enable", Map.of());
        call("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    /**
     * Rewrites the bodies of the responses whose URL matches one of the patterns ({@code *} any
     * characters) before the page reads them: {@code rewrite} gets the URL and the body and answers the
     * new body. Status and headers stay, except the length and encoding, which no longer apply.
     */
    void rewriteResponses(List<String> urlPatterns, BiFunction<String, String, String> rewrite) throws Exception {
        handlers.put("Fetch.requestPaused", paused -> {
            Object id = paused.get("requestId");
            try {
                Map<String, Object> original = call("Fetch.getResponseBody", Map.of("requestId", id));
                String body = Boolean.TRUE.equals(original.get("base64Encoded"))
                        ? new String(Base64.getDecoder().decode((String) original.get("body")), StandardCharsets.UTF_8)
                        : (String) original.get("body");
                String changed = rewrite.apply((String) ((Map<?, ?>) paused.get("request")).get("url"), body);
                List<Object> headers = new ArrayList<>();
                for (Object header : (List<?>) paused.getOrDefault("responseHeaders", List.of())) {
                    String name = String.valueOf(((Map<?, ?>) header).get("name")).toLowerCase(Locale.ROOT);
                    if (!name.equals("content-length") && !name.equals("content-encoding")) {
                        headers.add(header);
                    }
                }
                call("Fetch.fulfillRequest", Map.of("requestId", id, "responseCode", paused.get("responseStatusCode"),
                        "responseHeaders", headers,
                        "body", Base64.getEncoder().encodeToString(changed.getBytes(StandardCharsets.UTF_8))));
                rewritten.incrementAndGet();
            } catch (Exception e) {
                rewriteFailures.add(e);
                try {
                    // Let the original answer through, so that the page does not wait for it forever.
                    call("Fetch.continueRequest", Map.of("requestId", id));
                } catch (Exception ignored) {
                    // The failure is reported by rewrittenResponses() and awaitTrue().
                }
            }
        });
        List<Object> patterns = new ArrayList<>();
        for (String pattern : urlPatterns) {
            patterns.add(Map.of("urlPattern", pattern, "requestStage", "Response"));
        }
        call("Fetch.enable", Map.of("patterns", patterns));
    }

    /** How many responses were rewritten so far; a rewrite that failed is thrown here. */
    int rewrittenResponses() {
        Exception failure = rewriteFailures.peek();
        if (failure != null) {
            throw new IllegalStateException("A response could not be rewritten", failure);
        }
        return rewritten.get();
    }

    /** Waits until a JavaScript condition holds in the page. */
    void awaitTrue(String condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        BooleanSupplier holds = () -> {
            try {
                return Boolean.TRUE.equals(evaluate("Boolean(" + condition + ")"));
            } catch (Exception e) {
                // The page may be between documents while it navigates.
                return false;
            }
        };
        while (!holds.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not true after " + timeout.toSeconds() + " s: " + condition,
                        rewriteFailures.peek());
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        events.shutdownNow();
        socket.abort();
        stop(browser);
    }

    private static void stop(Process browser) {
        List<ProcessHandle> children = browser.descendants().toList();
        browser.destroy();
        try {
            if (!browser.waitFor(20, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.forEach(ProcessHandle::destroyForcibly);
    }

    private void received(String text) {
        Object parsed = Json.parse(text);
        if (parsed instanceof Map<?, ?> message && message.get("id") instanceof Number id) {
            CompletableFuture<Map<String, Object>> answer = pending.remove(id.longValue());
            if (answer != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) message;
                answer.complete(typed);
            }
        }
        if (parsed instanceof Map<?, ?> event && event.get("method") instanceof String method) {
            Consumer<Map<String, Object>> handler = handlers.get(method);
            if (handler != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> params = (Map<String, Object>) event.get("params");
                events.execute(() -> handler.accept(params));
            }
        }
    }

    /** Collects a message's frames and hands whole messages to the driver. */
    private static final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private volatile DevTools devTools;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                if (devTools != null) {
                    devTools.received(message);
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
