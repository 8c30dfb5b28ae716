package dev.skillnet.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** The build gives every test and every lifecycle method a time limit (the parent pom's surefire setup). */
@ExtendWith(TimeLimitTest.Limits.class)
class TimeLimitTest {

    /** Hands a test the JUnit configuration parameter its parameter's name asks for. */
    static final class Limits implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
            return p.getParameter().getType() == Optional.class;
        }

        @Override
        public Object resolveParameter(ParameterContext p, ExtensionContext e) {
            String kind = p.getIndex() == 0 ? "testable" : "lifecycle";
            return e.getConfigurationParameter("junit.jupiter.execution.timeout." + kind + ".method.default");
        }
    }

    @Test
    void everyTestAndLifecycleMethodHasFiveMinutes(Optional<String> testable, Optional<String> lifecycle) {
        assertEquals(Optional.of("300 s"), testable);
        assertEquals(Optional.of("300 s"), lifecycle);
    }
}
