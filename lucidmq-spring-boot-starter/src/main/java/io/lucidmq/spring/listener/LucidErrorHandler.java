package io.lucidmq.spring.listener;

/**
 * Decides what happens to records whose listener threw: retry, recover or redeliver.
 *
 * <p>Called on the consumer thread, so the partition makes no progress while the handler
 * runs; a handler must return in bounded time and wake from waits when the container stops,
 * which {@link FailedDelivery#awaitBackOff(long)} does. An exception thrown by the handler
 * kills the consumer thread, which the container logs and reports as
 * {@link ContainerState#FAILED}. Implementations must be thread-safe, because every consumer
 * thread of every container that uses one calls it.
 */
@FunctionalInterface
public interface LucidErrorHandler {

    /** Handles a failed delivery and returns whether its records are done. */
    ErrorOutcome handle(FailedDelivery delivery);
}
