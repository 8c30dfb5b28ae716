package dev.skillnet.eval.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.gson.Gson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void formatsMainValueThenExtrasInInsertionOrder() {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("recall", 50.0);
        extras.put("precision", 200.0 / 3);
        Score s = new Score("f1", 400.0 / 7, 2, extras);
        assertEquals("f1=57.14 (n=2; recall=50.00, precision=66.67)", s.format());
        assertEquals(List.of("recall", "precision"), List.copyOf(s.extras().keySet()));
    }

    @Test
    void scoreWithoutExtrasHasEmptyMap() {
        Score s = new Score("accuracy", 75.0, 4);
        assertEquals(Map.of(), s.extras());
        assertEquals("accuracy=75.00 (n=4)", s.format());
    }

    @Test
    void extrasAreFrozenCopies() {
        Map<String, Double> extras = new LinkedHashMap<>();
        extras.put("em", 10.0);
        Score s = new Score("f1", 20.0, 1, extras);
        extras.put("late", 1.0);
        assertEquals(1, s.extras().size());
        assertThrows(UnsupportedOperationException.class, () -> s.extras().put("x", 1.0));
    }

    @Test
    void rejectsValuesOutsidePercentRangeAndBadNames() {
        assertThrows(IllegalArgumentException.class, () -> new Score("f1", 100.5, 1));
        assertThrows(IllegalArgumentException.class, () -> new Score("f1", -0.1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Score("f1", Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> new Score(" ", 1.0, 1));
        assertThrows(IllegalArgumentException.class, () -> new Score("f1", 1.0, -1));
        assertThrows(
                IllegalArgumentException.class,
                () -> new Score("f1", 1.0, 1, Map.of("em", 101.0)));
    }

    @Test
    void roundTripsThroughGson() {
        Score s = new Score("macro_f1", 33.25, 8, Map.of("accuracy", 50.0));
        Gson gson = new Gson();
        String json = gson.toJson(s);
        assertEquals(
                "{\"metric\":\"macro_f1\",\"value\":33.25,\"n\":8,\"extras\":{\"accuracy\":50.0}}",
                json);
        assertEquals(s, gson.fromJson(json, Score.class));
    }
}
