package org.jcm.localstack;

/** A demo-data request the API refused; the stack keeps running and seeding is tried again on the next start. */
final class SeedingException extends Exception {

    private static final long serialVersionUID = 1L;

    SeedingException(String message) {
        super(message);
    }

    /** Describes a refused request: the step, the request, the status and the problem the service sent. */
    static SeedingException refused(String step, ApiClient.Answer answer) {
        Object json = answer.json();
        String code = JsonTrees.find(json, "code").orElse(null);
        String detail = JsonTrees.find(json, "detail").orElse(null);
        StringBuilder message = new StringBuilder(step).append(": ").append(answer.request())
                .append(" answered ").append(answer.status());
        if (code != null) {
            message.append(" ").append(code);
        }
        if (detail != null) {
            message.append(" (").append(detail).append(")");
        } else if (json == null && answer.body() != null && !answer.body().isBlank()) {
            String body = answer.body().strip();
            message.append(" ").append(body, 0, Math.min(200, body.length()));
        }
        if (answer.status() == 404 && code == null || answer.status() == 405) {
            message.append(" - this build of the service does not have the endpoint yet");
        }
        return new SeedingException(message.toString());
    }
}
