package dev.skillnet.server;

import com.google.gson.JsonObject;

/**
 * A request the server answers with an error status and a JSON body {@code {"error": {"status",
 * "message", "field"?}}}, the field named when one is at fault.
 */
final class ApiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    ApiError(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    static ApiError badRequest(String field, String message) {
        return new ApiError(400, field, message);
    }

    int status() {
        return status;
    }

    /** @return the JSON body */
    String body() {
        return body(status, field, getMessage());
    }

    /**
     * @param status the HTTP status
     * @param field the field at fault, or null
     * @param message what went wrong
     * @return {@code {"error": {"status": ..., "message": ..., "field": ...}}}
     */
    static String body(int status, String field, String message) {
        JsonObject e = new JsonObject();
        e.addProperty("status", status);
        e.addProperty("message", message);
        if (field != null) {
            e.addProperty("field", field);
        }
        JsonObject o = new JsonObject();
        o.add("error", e);
        return o.toString();
    }
}
