// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.samples.cli;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import io.brushwork.AtomicFile;
import io.brushwork.BrushworkException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The JSON reports of {@code --report}. */
final class Reports {
    private Reports() {
    }

    /** Writes {@code json} pretty-printed, replacing {@code file} atomically so a reader never sees half a report. */
    static void write(Path file, JsonObject json) {
        String text = new GsonBuilder().setPrettyPrinting().create().toJson(json) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            // A strict encoder, as Files.writeString uses: text that is not valid Unicode is an error.
            ByteBuffer utf8 = StandardCharsets.UTF_8.newEncoder().encode(CharBuffer.wrap(text));
            AtomicFile.write(file, Arrays.copyOf(utf8.array(), utf8.limit()));
        } catch (IOException e) {
            throw new BrushworkException("cannot write report " + file + ": " + e.getMessage(), e);
        }
    }
}
