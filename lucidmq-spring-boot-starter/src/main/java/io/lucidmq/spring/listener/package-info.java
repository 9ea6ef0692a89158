/**
 * Listener containers, acknowledgement, error handling and the registry of containers.
 */
@NullMarked
package io.lucidmq.spring.listener;

import org.jspecify.annotations.NullMarked;
