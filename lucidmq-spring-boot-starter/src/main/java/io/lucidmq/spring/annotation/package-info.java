/**
 * The @LucidListener annotation and the bean post-processor that turns annotated methods into
 * listener containers.
 */
@NullMarked
package io.lucidmq.spring.annotation;

import org.jspecify.annotations.NullMarked;
