/**
 * Spring Boot auto-configuration of LucidMQ: properties, the instance, the template and the
 * listener infrastructure.
 */
@NullMarked
package io.lucidmq.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
