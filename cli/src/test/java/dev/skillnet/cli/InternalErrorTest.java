package dev.skillnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import org.junit.jupiter.api.Test;

/** An internal error names what failed underneath it, so that a full disk reads as one. */
class InternalErrorTest {

    @Test
    void theMessageNamesEveryCause() {
        FileSystemException disk = new FileSystemException("/runs/x/last/model.safetensors", null,
                "No space left on device");
        UncheckedIOException e = new UncheckedIOException("cannot save a checkpoint at step 100", disk);
        assertEquals("java.io.UncheckedIOException: cannot save a checkpoint at step 100; caused by "
                + "java.nio.file.FileSystemException: /runs/x/last/model.safetensors: No space left on device",
                Main.describe(e));
    }

    @Test
    void anExceptionWithoutACauseIsItself() {
        assertEquals("java.lang.IllegalStateException: broken", Main.describe(new IllegalStateException("broken")));
    }
}
