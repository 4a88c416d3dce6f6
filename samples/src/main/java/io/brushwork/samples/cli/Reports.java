package io.brushwork.samples.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.brushwork.BrushworkException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The JSON reports of {@code --report}. */
final class Reports {
    private Reports() {
    }

    /** Writes {@code json} pretty-printed, replacing {@code file} atomically so a reader never sees half a report. */
    static void write(Path file, JsonObject json) {
        String text = new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n";
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".report-", ".tmp");
            try {
                Files.writeString(tmp, text, StandardCharsets.UTF_8);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new BrushworkException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }
}
