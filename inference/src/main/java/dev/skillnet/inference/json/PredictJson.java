package dev.skillnet.inference.json;

import com.google.gson.JsonObject;
import dev.skillnet.data.Source;

/**
 * The JSON a task type reads and answers in {@code skillnet predict} (one object per line) and in
 * the HTTP server: inputs to examples, predictions to objects.
 *
 * @param <E> the example type
 * @param <P> the prediction type
 */
public interface PredictJson<E, P> {

    /**
     * @param input one input object
     * @param source where it came from, kept on the example for later errors
     * @return the example, with no gold label
     * @throws FieldException when a field is missing or of the wrong type
     */
    E fromInput(JsonObject input, Source source);

    /**
     * @param example the input
     * @param prediction its prediction
     * @return the prediction as {@code skillnet predict} prints it
     */
    JsonObject toJson(E example, P prediction);

    /**
     * @param example an example, of a data split or from {@link #fromInput}
     * @return the input object {@link #fromInput} reads back into the same model input
     */
    JsonObject toInput(E example);

    /**
     * @param answer an object {@link #toJson} wrote
     * @return the prediction it holds, as far as scoring reads it (labels, tags, answer text)
     * @throws FieldException when a field is missing or of the wrong type
     */
    P fromJson(JsonObject answer);
}
