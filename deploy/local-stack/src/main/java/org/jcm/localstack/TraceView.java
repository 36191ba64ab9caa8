package org.jcm.localstack;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The trace receiver's text pages: the list of recent traces, and one trace as a tree. */
final class TraceView {

    private TraceView() {
    }

    /** One line per trace, newest last: id, root span, span count, services, duration. */
    static String list(Map<String, List<TraceReceiver.Span>> traces) {
        StringBuilder text = new StringBuilder("trace id                          spans  ms        services  root\n");
        traces.forEach((id, spans) -> {
            TraceReceiver.Span root = roots(spans).get(0);
            long start = spans.stream().mapToLong(TraceReceiver.Span::startNanos).min().orElse(0);
            long end = spans.stream().mapToLong(TraceReceiver.Span::endNanos).max().orElse(0);
            Set<String> services = spans.stream().map(TraceReceiver.Span::service).collect(Collectors.toCollection(TreeSet::new));
            text.append(String.format(Locale.ROOT, "%s  %5d  %8.1f  %s  %s%n", id, spans.size(), (end - start) / 1e6,
                    String.join(",", services), root.service() + " " + root.name()));
        });
        return text.toString();
    }

    /**
     * The trace as an indented tree by parent, children by start time; a span whose parent has
     * not arrived is shown at the top level. Attributes and links follow each span.
     */
    static String tree(List<TraceReceiver.Span> spans) {
        Map<String, List<TraceReceiver.Span>> children = new LinkedHashMap<>();
        for (TraceReceiver.Span span : sorted(spans)) {
            children.computeIfAbsent(span.parentId(), parent -> new ArrayList<>()).add(span);
        }
        long start = spans.stream().mapToLong(TraceReceiver.Span::startNanos).min().orElse(0);
        StringBuilder text = new StringBuilder("trace " + spans.get(0).traceId() + "\n");
        for (TraceReceiver.Span root : roots(spans)) {
            append(text, root, children, start, 0);
        }
        return text.toString();
    }

    private static void append(StringBuilder text, TraceReceiver.Span span, Map<String, List<TraceReceiver.Span>> children,
                               long traceStart, int depth) {
        String indent = "  ".repeat(depth);
        text.append(String.format(Locale.ROOT, "%s- %s %s [%s] +%.1f ms, %.1f ms (span %s)%n", indent, span.service(),
                span.name(), span.kind().toLowerCase(Locale.ROOT), (span.startNanos() - traceStart) / 1e6, span.millis(),
                span.spanId()));
        span.attributes().forEach((key, value) -> text.append(indent).append("    ").append(key).append(" = ")
                .append(value).append('\n'));
        span.links().forEach(link -> text.append(indent).append("    link -> ").append(link).append('\n'));
        for (TraceReceiver.Span child : children.getOrDefault(span.spanId(), List.of())) {
            append(text, child, children, traceStart, depth + 1);
        }
    }

    /** Spans whose parent is not in the trace (the root, and orphans whose parent has not arrived). */
    private static List<TraceReceiver.Span> roots(List<TraceReceiver.Span> spans) {
        Set<String> ids = spans.stream().map(TraceReceiver.Span::spanId).collect(Collectors.toSet());
        List<TraceReceiver.Span> roots = sorted(spans).stream().filter(span -> !ids.contains(span.parentId())).toList();
        return roots.isEmpty() ? sorted(spans) : roots;
    }

    private static List<TraceReceiver.Span> sorted(List<TraceReceiver.Span> spans) {
        List<TraceReceiver.Span> sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingLong(TraceReceiver.Span::startNanos));
        return sorted;
    }
}
