// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.testing;

import java.io.ByteArrayOutputStream;

/** Byte arrays put together by the tests that craft files (pictures, ONNX models). */
public final class Bytes {
    private Bytes() {
    }

    /**
     * The parts one after another.
     *
     * @param parts the arrays to join
     * @return a new array holding them all, in order
     */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
