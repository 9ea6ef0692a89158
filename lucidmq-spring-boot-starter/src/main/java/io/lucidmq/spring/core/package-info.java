/**
 * Producing with LucidTemplate and converting between Spring messages and LucidMQ records.
 */
@NullMarked
package io.lucidmq.spring.core;

import org.jspecify.annotations.NullMarked;
