/**
 * Adapters that invoke listener methods through spring-messaging, converting records to method
 * arguments.
 */
@NullMarked
package io.lucidmq.spring.listener.adapter;

import org.jspecify.annotations.NullMarked;
