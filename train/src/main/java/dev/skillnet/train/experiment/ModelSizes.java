package dev.skillnet.train.experiment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run's model(s) cost in parameters, read back from the saved best model(s).
 *
 * @param activated per task, parameters activated per token
 * @param stored parameters stored, over all of the run's models
 */
record ModelSizes(Map<String, Long> activated, long stored) {

    /** Copies the map, keeping the tasks' order. */
    ModelSizes {
        activated = Collections.unmodifiableMap(new LinkedHashMap<>(activated));
    }
}
