// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EngineMessagesTest {
    @Test
    void aTorchScriptTracebackGivesTheExceptionLineThatClosesIt() {
        String message = """
                The following operation failed in the TorchScript interpreter.
                Traceback of TorchScript, serialized code (most recent call last):
                  File "code/__torch__.py", line 8, in forward
                    return torch.add(x, y)
                           ~~~~~~~~~ <--- HERE

                Traceback of TorchScript, original code (most recent call last):
                  File "net.py", line 3, in forward
                    return x + y
                           ~~~~~ <--- HERE
                RuntimeError: The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1
                """;
        assertThat(EngineMessages.summary(message))
                .isEqualTo("RuntimeError: The size of tensor a (3) must match the size of tensor b (4)"
                        + " at non-singleton dimension 1");
        assertThat(EngineMessages.summary(message.replace("RuntimeError", "builtins.ValueError")))
                .startsWith("ValueError: The size");
    }

    @Test
    void otherMessagesGiveTheirFirstLine() {
        assertThat(EngineMessages.summary("""

                  shape '[1, 3, 8]' is invalid for input of size 200
                Exception raised from infer_size_impl at ../aten/src/ATen/InferSize.h:92 (most recent call first):
                frame #0: c10::Error::Error(c10::SourceLocation, std::string) + 0x57
                """)).isEqualTo("shape '[1, 3, 8]' is invalid for input of size 200");
        assertThat(EngineMessages.summary("one line")).isEqualTo("one line");
        assertThat(EngineMessages.summary(null)).isEqualTo("no message");
        assertThat(EngineMessages.summary(" \n ")).isEqualTo("no message");
    }
}
