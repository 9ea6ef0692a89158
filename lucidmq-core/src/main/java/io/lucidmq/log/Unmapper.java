package io.lucidmq.log;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases a memory mapping at once instead of when the garbage collector finds its buffer
 * unreachable. Without it, the mappings of deleted or trimmed segments keep their page cache
 * pages, dirty ones included, until a collection that may not come for a long time when the
 * heap is large and little is allocated.
 *
 * <p>Uses {@code sun.misc.Unsafe.invokeCleaner} from the {@code jdk.unsupported} module, which
 * needs no command-line option. Where it is missing, mappings are left to the garbage
 * collector, which is correct but keeps memory longer. Thread-safe.
 *
 * <p>The caller must make sure that no thread touches the buffer afterwards: an access to an
 * unmapped buffer crashes the JVM.
 */
final class Unmapper {

    private static final Logger LOGGER = LoggerFactory.getLogger(Unmapper.class);
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field field = unsafeClass.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = unsafeClass.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.info("Memory mappings are released by the garbage collector only: {}",
                    e.toString());
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private Unmapper() {
    }

    /** Unmaps {@code mapping}, or leaves it to the garbage collector when that is not possible. */
    static void unmap(MappedByteBuffer mapping) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, mapping);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOGGER.debug("Could not unmap a segment mapping; the garbage collector will: {}",
                    e.toString());
        }
    }
}
