package dev.skillnet.data;

/**
 * A reference to a column or field: a name (header column or JSON field) or a 0-based column
 * index.
 *
 * @param name the name, or {@code null} for an index
 * @param index the 0-based column index, or -1 for a name
 */
public record FieldRef(String name, int index) {

    /**
     * @param name a column or field name
     * @return the reference
     */
    public static FieldRef named(String name) {
        return new FieldRef(name, -1);
    }

    /**
     * @param index a 0-based column index
     * @return the reference
     */
    public static FieldRef at(int index) {
        return new FieldRef(null, index);
    }

    /** @return whether this is a column index */
    public boolean isIndex() {
        return name == null;
    }

    @Override
    public String toString() {
        return isIndex() ? "column " + index : "'" + name + "'";
    }
}
