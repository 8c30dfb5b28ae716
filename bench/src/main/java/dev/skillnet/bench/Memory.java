package dev.skillnet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory, from /proc/self/status (Linux). */
final class Memory {

    private Memory() {}

    /** @return current resident set size in MiB, or NaN where /proc is unavailable */
    static double rssMib() {
        return field("VmRSS:");
    }

    /** @return peak resident set size in MiB, or NaN where /proc is unavailable */
    static double peakRssMib() {
        return field("VmHWM:");
    }

    /**
     * Resets the peak ({@code VmHWM}) to the current resident size, so that the next reading is
     * the peak of what runs in between (Linux: {@code echo 5 > /proc/self/clear_refs}).
     *
     * @return whether the reset took effect
     */
    static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static double field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) {
                    String[] parts = line.substring(name.length()).trim().split("\\s+");
                    return Long.parseLong(parts[0]) / 1024.0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
