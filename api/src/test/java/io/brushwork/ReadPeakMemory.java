// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork;

import static io.brushwork.TestImages.RGB;
import static io.brushwork.TestImages.chunk;
import static io.brushwork.testing.Bytes.concat;
import static io.brushwork.TestImages.deflate;
import static io.brushwork.TestImages.deflatedZeros;
import static io.brushwork.TestImages.latin1;
import static io.brushwork.TestImages.png;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What reading hostile inputs costs, for the figures in the change notes: {@code make FOLDER}
 * writes 8x8 PNGs whose metadata inflates to 1 GiB, and {@code read FILE} reads one with
 * {@link Images#read(Path)} and prints the outcome. Run by src/test/fixtures/measure_read_memory.sh,
 * one fresh JVM per read, against any build of the API, as it uses only the public reading method.
 */
final class ReadPeakMemory {
    private ReadPeakMemory() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("make")) {
            make(Path.of(args[1]));
        } else if (args.length == 2 && args[0].equals("read")) {
            System.out.println(read(Path.of(args[1])));
        } else {
            System.err.println("usage: ReadPeakMemory make FOLDER | read FILE");
            System.exit(2);
        }
    }

    private static void make(Path folder) throws IOException {
        byte[] gibibyte = deflatedZeros(1L << 30);
        byte[][] rows = new byte[8][24];
        // An invalid profile makes Commons Imaging fail, so that the JDK, which inflates text whole, decodes.
        byte[] invalidProfile = chunk("iCCP", concat(latin1("ICC profile\0\0"), deflate(latin1("not a profile"))));
        Files.createDirectories(folder);
        Files.write(folder.resolve("iccp-1gib.png"),
                png(8, 8, 8, RGB, rows, chunk("iCCP", concat(latin1("ICC profile\0\0"), gibibyte))));
        Files.write(folder.resolve("ztxt-1gib.png"),
                png(8, 8, 8, RGB, rows, invalidProfile, chunk("zTXt", concat(latin1("Comment\0\0"), gibibyte))));
        Files.write(folder.resolve("itxt-1gib.png"),
                png(8, 8, 8, RGB, rows, invalidProfile,
                        chunk("iTXt", concat(latin1("Comment\0\1\0en\0\0"), gibibyte))));
    }

    /** The outcome, the bytes this thread allocated and the time taken. */
    private static String read(Path file) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        long start = System.nanoTime();
        String outcome;
        try {
            RgbImage picture = Images.read(file);
            outcome = "ok " + picture.width() + "x" + picture.height();
        } catch (RuntimeException | OutOfMemoryError e) {
            outcome = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        return String.format("%s\t%d MiB\t%d ms", outcome, allocated >> 20, (System.nanoTime() - start) / 1_000_000);
    }
}
