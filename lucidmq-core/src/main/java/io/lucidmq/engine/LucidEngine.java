package io.lucidmq.engine;

import io.lucidmq.LucidConfig;
import io.lucidmq.LucidMQ;

/** The implementation of {@link LucidMQ}. */
public final class LucidEngine {

    private LucidEngine() {
    }

    /** Opens the directory of {@code config}; see {@link LucidMQ#open(LucidConfig)}. */
    public static LucidMQ open(LucidConfig config) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
