package io.lucidmq.benchmarks.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * An application with no beans of its own: only what auto-configuration contributes. It scans
 * no packages, so no other class of this module becomes a bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EmptyApplication {
}
