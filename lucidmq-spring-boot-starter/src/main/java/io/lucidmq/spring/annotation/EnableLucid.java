package io.lucidmq.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Turns on {@link LucidListener} processing in a plain Spring application: registers the
 * annotation post-processor and the listener endpoint registry. Spring Boot applications do
 * not need it, because the starter's auto-configuration does the same.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(LucidBootstrapConfiguration.class)
public @interface EnableLucid {
}
