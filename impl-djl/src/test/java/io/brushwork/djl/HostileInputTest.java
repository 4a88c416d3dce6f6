// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import io.brushwork.InvalidOptionException;
import io.brushwork.ModelException;
import io.brushwork.RgbImage;
import io.brushwork.Translator;
import io.brushwork.Weights;
import io.brushwork.zoo.testing.VggFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad options and wrong models fail with their typed exception before any work, and nothing crashes. */
class HostileInputTest {

    @Test
    void absurdOptionsAreRejected() {
        assertThatThrownBy(() -> StyleTransferRunTest.small().content(RgbImage.filled(1, 1, 0, 0, 0)).originalSize().run())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("size:");
        assertThatThrownBy(() -> StyleTransferRunTest.small().size(-5).run())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("size:");
        assertThatThrownBy(() -> StyleTransferRunTest.small().weights(Weights.of(Double.NaN, 1, 1)).run())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("weights.content");
        assertThatThrownBy(() -> StyleTransferRunTest.small().styleLayers("relu9_1").run())
                .isInstanceOf(InvalidOptionException.class).hasMessageContaining("relu9_1");
        assertThatThrownBy(() -> StyleTransferRunTest.small().styleScale(Double.POSITIVE_INFINITY).run())
                .isInstanceOf(InvalidOptionException.class).hasMessageStartingWith("styleScale:");
    }

    @Test
    void aFeatureNetworkIsNotATranslator(@TempDir Path dir) {
        Path vgg = VggFixture.write(dir.resolve("vgg.safetensors"), "conv2_1", 1);
        assertThatThrownBy(() -> Translator.fromFile(vgg)).isInstanceOf(ModelException.class)
                .hasMessageContaining("cannot tell the architecture");
    }
}
