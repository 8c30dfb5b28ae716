package dev.skillnet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import org.junit.jupiter.api.Test;

/** {@code --profile-steps FIRST-LAST}: which steps it watches, and what it refuses. */
class TraceStepProfilerTest {

    @Test
    void aRangeWatchesItsStepsOnly() {
        TraceStepProfiler p = TraceStepProfiler.parse("101-140");
        assertEquals(101, p.firstStep());
        assertFalse(p.profiles(100));
        assertTrue(p.profiles(101));
        assertTrue(p.profiles(140));
        assertFalse(p.profiles(141));
        TraceStepProfiler one = TraceStepProfiler.parse(" 7 ");
        assertTrue(one.profiles(7));
        assertFalse(one.profiles(8));
    }

    @Test
    void badRangesAreRefusedNamingTheOption() {
        for (String bad : new String[] {"", "a-b", "10-", "-5", "0-3", "9-3", "1-2-3"}) {
            UserInputException e = assertThrows(UserInputException.class, () -> TraceStepProfiler.parse(bad), bad);
            assertTrue(e.getMessage().contains("--profile-steps"), e.getMessage());
        }
    }
}
