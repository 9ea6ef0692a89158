/**
 * Micrometer meters for the template, the listener containers and the LucidMQ directory.
 */
@NullMarked
package io.lucidmq.spring.metrics;

import org.jspecify.annotations.NullMarked;
