// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.djl;

import ai.djl.engine.Engine;
import io.brushwork.Device;
import io.brushwork.EngineException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts DJL's PyTorch engine without network access and maps Brushwork devices to DJL's.
 */
public final class PyTorchRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(PyTorchRuntime.class);
    /** Present when libtorch itself comes from a Maven jar (pytorch-native-cpu). */
    private static final String BUNDLED_NATIVES = "native/lib/pytorch.properties";
    private static volatile Engine engine;

    private PyTorchRuntime() {
    }

    /**
     * The PyTorch engine, loaded once.
     *
     * @return DJL's PyTorch engine
     * @throws EngineException if the engine cannot start (libtorch missing or not loadable)
     */
    public static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (PyTorchRuntime.class) {
                e = engine;
                if (e == null) {
                    preferOffline();
                    try {
                        e = Engine.getEngine("PyTorch");
                    } catch (RuntimeException | UnsatisfiedLinkError err) {
                        throw new EngineException("cannot start DJL's PyTorch engine: " + err.getMessage(), err);
                    }
                    engine = e;
                }
            }
        }
        return e;
    }

    /**
     * With libtorch on the classpath nothing needs downloading, and DJL 0.35 would otherwise try
     * to fetch files at start-up. A user's own setting of {@code ai.djl.offline} always wins, and a
     * user who points DJL at another libtorch (a CUDA build, through PYTORCH_LIBRARY_PATH or
     * PYTORCH_FLAVOR) may need DJL's own download, so offline mode is not forced then.
     */
    private static void preferOffline() {
        boolean ownLibtorch = System.getenv("PYTORCH_LIBRARY_PATH") != null || System.getenv("PYTORCH_FLAVOR") != null
                || System.getProperty("PYTORCH_FLAVOR") != null;
        if (System.getProperty("ai.djl.offline") == null && !ownLibtorch
                && PyTorchRuntime.class.getClassLoader().getResource(BUNDLED_NATIVES) != null) {
            System.setProperty("ai.djl.offline", "true");
        }
    }

    /**
     * A short description such as {@code PyTorch 2.7.1 (DJL 0.35.1)}.
     *
     * @return the libtorch and DJL versions, starting the engine if needed
     */
    public static String describe() {
        return "PyTorch " + engine().getVersion() + " (DJL " + Engine.getDjlVersion() + ")";
    }

    /**
     * The DJL device for a request: AUTO is the first GPU when the engine sees one, else the CPU
     * (logged, so a user expecting a GPU learns why it is slow).
     *
     * @param device the device Brushwork was asked for
     * @return the DJL device to run on
     * @throws EngineException if a GPU is requested that the engine does not see
     */
    public static ai.djl.Device resolve(Device device) {
        int gpus = engine().getGpuCount();
        switch (device.kind()) {
            case CPU:
                return ai.djl.Device.cpu();
            case GPU:
                if (device.index() >= gpus) {
                    throw new EngineException("GPU " + device.index() + " was requested but the PyTorch engine sees "
                            + gpus + " GPU(s); CUDA builds of libtorch are needed for GPU use (see docs)");
                }
                return ai.djl.Device.gpu(device.index());
            default:
                if (gpus > 0) {
                    return ai.djl.Device.gpu(0);
                }
                LOG.info("no GPU visible to the PyTorch engine; running on the CPU");
                return ai.djl.Device.cpu();
        }
    }

    /**
     * Brushwork's name for a DJL device: {@code cpu} or {@code gpu:N}.
     *
     * @param device a DJL device
     * @return {@code gpu:N} for GPU N, else {@code cpu}
     */
    public static String name(ai.djl.Device device) {
        return device.isGpu() ? "gpu:" + device.getDeviceId() : "cpu";
    }
}
