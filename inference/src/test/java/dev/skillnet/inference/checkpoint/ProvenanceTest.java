package dev.skillnet.inference.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skillnet.core.UserInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** provenance.json: written, read back, summarised; files hashed as FIPS 180-2 says. */
class ProvenanceTest {

    @Test
    void hashesAFileAsTheStandardsTestVectorSays(@TempDir Path tmp) throws IOException {
        // FIPS 180-2, appendix B.1: SHA-256("abc")
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Provenance.sha256(Files.writeString(tmp.resolve("abc.txt"), "abc")));
        assertThrows(UserInputException.class, () -> Provenance.sha256(tmp.resolve("absent.txt")));
    }

    @Test
    void roundTripsAndSummarises(@TempDir Path tmp) throws IOException {
        Provenance p = new Provenance("0.1.0", "0123456789abcdef0123456789abcdef01234567", "0.36.0", "2.7.1",
                "2026-11-30T03:00:00Z", "2026-11-30T03:09:00Z", new Provenance.Machine(2, "AMD EPYC", "Linux", "17"),
                List.of(new Provenance.DataSplit("tnews", "train", 5000, List.of(new Provenance.HashedFile("t.json",
                        "ab"))), new Provenance.DataSplit("tnews", "test", 600, List.of(new Provenance.HashedFile(
                                "t.json", "ab")))));
        p.write(tmp);
        assertEquals(Optional.of(p), Provenance.read(tmp));
        assertTrue(Files.readString(tmp.resolve("provenance.json")).contains("\"started\": \"2026-11-30T03:00:00Z\""));
        assertEquals("trained by SkillNet-J 0.1.0 (commit 0123456789ab), DJL 0.36.0, PyTorch 2.7.1, on 2 cores of "
                + "AMD EPYC, 2026-11-30T03:00:00Z to 2026-11-30T03:09:00Z; data: 2 splits, 1 files, 5600 examples",
                p.summary());
        assertEquals(Optional.empty(), Provenance.read(tmp.resolve("elsewhere")));
        Files.writeString(tmp.resolve("provenance.json"), "{not json");
        UserInputException e = assertThrows(UserInputException.class, () -> Provenance.read(tmp));
        assertTrue(e.getMessage().contains("provenance.json"), e.getMessage());
    }
}
