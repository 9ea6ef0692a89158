package io.lucidmq.spring.listener;

/** The state of a listener container, as health and the registry report it. */
public enum ContainerState {

    /** Not started, or stopped. */
    STOPPED,

    /** Every consumer thread is polling and dispatching records. */
    RUNNING,

    /** A pause was requested; the consumer threads finish their poll and wait to resume. */
    PAUSED,

    /** A consumer thread died from an unexpected exception; see the container's failure. */
    FAILED
}
