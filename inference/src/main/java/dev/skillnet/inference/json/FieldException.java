package dev.skillnet.inference.json;

/** A JSON input that cannot be read, naming the field at fault and why. */
public final class FieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    /**
     * @param field the field's name
     * @param reason what is wrong with it, for the message
     */
    public FieldException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    /** @return the name of the field at fault */
    public String field() {
        return field;
    }
}
