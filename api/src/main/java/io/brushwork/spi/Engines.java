package io.brushwork.spi;

import io.brushwork.EngineException;

import java.util.Comparator;
import java.util.ServiceLoader;

/** Finds engine implementations on the classpath. */
public final class Engines {
    private Engines() {
    }

    /** The style-transfer engine with the highest priority. */
    public static StyleTransferEngine styleTransfer() {
        return ServiceLoader.load(StyleTransferEngine.class).stream()
                .map(ServiceLoader.Provider::get)
                .max(Comparator.comparingInt(StyleTransferEngine::priority))
                .orElseThrow(() -> new EngineException(
                        "no style-transfer engine on the classpath: add io.brushwork:brushwork-impl-djl"));
    }
}
