package io.lucidmq.sample.web;

/** Thrown by {@code GET /stats} when the requested host and metric match no series. */
public class SeriesNotFoundException extends RuntimeException {

    /** Creates an exception naming the filter that matched nothing. */
    public SeriesNotFoundException(String host, String metric) {
        super("No series matches host=" + (host == null ? "(any)" : host)
                + " and metric=" + (metric == null ? "(any)" : metric));
    }
}
