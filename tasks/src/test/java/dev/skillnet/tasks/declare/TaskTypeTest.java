package dev.skillnet.tasks.declare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skillnet.core.UserInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskTypeTest {

    @Test
    void jsonNamesRoundTrip() {
        for (TaskType type : TaskType.values()) {
            assertEquals(type, TaskType.fromJson(type.jsonName()));
        }
        assertEquals(TaskType.TEXT_PAIR_CLASSIFICATION, TaskType.fromJson("text_pair_classification"));
    }

    @Test
    void eachTypeHasItsDefaultAndAllowedMetrics() {
        assertEquals(List.of("accuracy", "macro_f1"), TaskType.SINGLE_TEXT_CLASSIFICATION.metrics());
        assertEquals(List.of("accuracy", "macro_f1"), TaskType.TEXT_PAIR_CLASSIFICATION.metrics());
        assertEquals(List.of("entity_f1"), TaskType.SEQUENCE_LABELING.metrics());
        assertEquals(List.of("cmrc_f1", "cmrc_em"), TaskType.SPAN_EXTRACTION.metrics());
        assertEquals("cmrc_f1", TaskType.SPAN_EXTRACTION.defaultMetric());
    }

    @Test
    void onlySpanExtractionHasNoLabels() {
        assertFalse(TaskType.SPAN_EXTRACTION.hasLabels());
        assertEquals(3, java.util.Arrays.stream(TaskType.values()).filter(TaskType::hasLabels).count());
    }

    @Test
    void anUnknownNameListsTheKnownOnes() {
        var e = assertThrows(UserInputException.class, () -> TaskType.fromJson("classification"));
        assertEquals("unknown task type 'classification'; known types: single_text_classification,"
                + " text_pair_classification, sequence_labeling, span_extraction", e.getMessage());
    }
}
