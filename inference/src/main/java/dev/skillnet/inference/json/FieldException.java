package dev.skillnet.inference.json;

/** A JSON input that cannot be read, naming the field at fault (and the input, in a list) and why. */
public final class FieldException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final int index;

    /**
     * @param field the field's name
     * @param reason what is wrong with it, for the message
     */
    public FieldException(String field, String reason) {
        this(field, -1, reason);
    }

    private FieldException(String field, int index, String reason) {
        super(reason);
        this.field = field;
        this.index = index;
    }

    /**
     * @param i the position of the faulty input in a list
     * @return the same error, placed at that input
     */
    public FieldException at(int i) {
        return new FieldException(field, i, getMessage());
    }

    /** @return the name of the field at fault */
    public String field() {
        return field;
    }

    /** @return the position of the faulty input in a list, or -1 when not known */
    public int index() {
        return index;
    }
}
