package io.lucidmq.spring.integration;

/** The payload of the integration tests, sent and received as JSON. */
record Order(String id, int quantity) {
}
