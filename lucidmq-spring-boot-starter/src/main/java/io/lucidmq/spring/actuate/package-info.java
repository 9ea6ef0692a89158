/**
 * The LucidMQ health indicator for Spring Boot Actuator.
 */
@NullMarked
package io.lucidmq.spring.actuate;

import org.jspecify.annotations.NullMarked;
