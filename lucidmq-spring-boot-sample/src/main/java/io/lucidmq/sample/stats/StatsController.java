package io.lucidmq.sample.stats;

import io.lucidmq.sample.web.SeriesNotFoundException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /stats}: the statistics of every series, or of the series matching the optional
 * {@code host} and {@code metric} parameters. A filter that matches no series returns 404.
 */
@RestController
public class StatsController {

    private final StatsAggregator aggregator;
    private final DeadLetterCounter deadLetters;

    StatsController(StatsAggregator aggregator, DeadLetterCounter deadLetters) {
        this.aggregator = aggregator;
        this.deadLetters = deadLetters;
    }

    /** Returns the statistics, narrowed by {@code host} and {@code metric} when given. */
    @GetMapping("/stats")
    public StatsResponse stats(@RequestParam(required = false) String host,
            @RequestParam(required = false) String metric) {
        Predicate<SeriesKey> filter = key -> (host == null || host.equals(key.host()))
                && (metric == null || metric.equals(key.metric()));
        StatisticsState state = aggregator.state();
        List<SeriesView> series = state.view(filter);
        if (series.isEmpty() && (host != null || metric != null)) {
            throw new SeriesNotFoundException(host, metric);
        }
        return new StatsResponse(series, deadLetters.counts(), state.skippedRedeliveries());
    }

    /**
     * The body of {@code GET /stats}.
     *
     * @param series the statistics of each series, sorted by host and metric
     * @param deadLetters the number of records in each dead-letter topic
     * @param skippedRedeliveries the readings delivered again since startup and not counted
     *     a second time, because the loaded snapshot already covered them
     */
    public record StatsResponse(List<SeriesView> series, Map<String, Long> deadLetters,
            long skippedRedeliveries) {
    }
}
