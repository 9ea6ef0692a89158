package io.lucidmq.sample.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.lucidmq.sample.reading.Reading;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StatisticsStateTest {

    private static final Instant T0 = Instant.parse("2026-12-04T10:15:30Z");

    private static Reading reading(String host, double value, Instant timestamp) {
        return new Reading(host, "temperature", value, timestamp);
    }

    private static StatisticsState emptyState() {
        return new StatisticsState(StatisticsSnapshot.EMPTY, 60, 1000);
    }

    @Test
    void aggregatesTotalsAndMinutes() {
        StatisticsState state = emptyState();
        state.apply(0, 0, reading("gw", 20, T0));
        state.apply(0, 1, reading("gw", 23, T0.plusSeconds(10)));
        state.apply(0, 2, reading("gw", 21.5, T0.plusSeconds(60)));

        SeriesView view = state.view(key -> true).get(0);

        assertThat(view.count()).isEqualTo(3);
        assertThat(view.min()).isEqualTo(20);
        assertThat(view.max()).isEqualTo(23);
        assertThat(view.mean()).isCloseTo(21.5, within(1e-9));
        assertThat(view.minutes()).hasSize(2);
        assertThat(view.minutes().get(0).minute()).isEqualTo(Instant.parse("2026-12-04T10:15:00Z"));
        assertThat(view.minutes().get(0).count()).isEqualTo(2);
        assertThat(view.minutes().get(0).mean()).isCloseTo(21.5, within(1e-9));
        assertThat(view.minutes().get(1).minute()).isEqualTo(Instant.parse("2026-12-04T10:16:00Z"));
        assertThat(view.minutes().get(1).count()).isEqualTo(1);
    }

    @Test
    void coveredOffsetSkipsRedelivery() {
        StatisticsState state = emptyState();
        assertThat(state.apply(1, 5, reading("gw", 1, T0))).isTrue();

        assertThat(state.apply(1, 5, reading("gw", 1, T0))).isFalse();
        assertThat(state.apply(1, 4, reading("gw", 1, T0))).isFalse();

        assertThat(state.coveredOffset(1)).isEqualTo(6);
        assertThat(state.coveredOffset(0)).isZero();
        assertThat(state.skippedRedeliveries()).isEqualTo(2);
        assertThat(state.view(key -> true).get(0).count()).isEqualTo(1);
    }

    @Test
    void meanOfExtremeValuesStaysFinite() {
        StatisticsState state = emptyState();
        state.apply(0, 0, reading("gw", 1.7e308, T0));
        state.apply(0, 1, reading("gw", 1.7e308, T0));
        state.apply(0, 2, reading("gw", -1.7e308, T0));

        SeriesView view = state.view(key -> true).get(0);
        assertThat(view.mean()).isCloseTo(1.7e308 / 3, within(1e294));
        assertThat(view.minutes().get(0).mean()).isCloseTo(1.7e308 / 3, within(1e294));
    }

    @Test
    void meanOfMaxValuesIsMaxValue() {
        Aggregate aggregate = Aggregate.EMPTY;
        for (int i = 0; i < 7; i++) {
            aggregate = aggregate.plus(Double.MAX_VALUE);
        }

        assertThat(aggregate.mean()).isEqualTo(Double.MAX_VALUE);
        assertThat(aggregate.plus(-Double.MAX_VALUE).mean()).isFinite();
    }

    @Test
    void incrementalMeanMatchesExactMean() {
        Aggregate aggregate = Aggregate.EMPTY;
        double sum = 0;
        for (int i = 1; i <= 1000; i++) {
            aggregate = aggregate.plus(i * 0.1);
            sum += i * 0.1;
        }

        assertThat(aggregate.mean()).isCloseTo(sum / 1000, within(1e-9));
    }

    @Test
    void nonFiniteFiguresViewedAsNull() {
        SeriesView view = new SeriesView("h", "m", 0, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, Double.NaN, List.of());
        String json = JsonMapper.builder().build().writeValueAsString(view);

        assertThat(json).contains("\"min\":null").contains("\"max\":null")
                .contains("\"mean\":null");
    }

    @Test
    void version1SnapshotIsRead() {
        String json = """
                {"formatVersion": 1, "coveredOffsets": {"0": 3},
                 "series": [
                   {"host": "a", "metric": "temperature",
                    "total": {"count": 2, "min": 1.0, "max": 3.0, "sum": 4.0},
                    "minutes": [{"epochMinute": 29899935,
                      "aggregate": {"count": 2, "min": 1.0, "max": 3.0, "sum": 4.0}}]},
                   {"host": "b", "metric": "temperature",
                    "total": {"count": 3, "min": -1.7e308, "max": 1.7e308,
                              "sum": "Infinity"},
                    "minutes": []}]}""";
        StatisticsSnapshot loaded = JsonMapper.builder().build()
                .readValue(json, StatisticsSnapshot.class);
        List<SeriesView> views = new StatisticsState(loaded, 60, 1000).view(key -> true);

        assertThat(views.get(0).mean()).isEqualTo(2.0);
        assertThat(views.get(0).minutes().get(0).mean()).isEqualTo(2.0);
        assertThat(views.get(1).mean()).isEqualTo(0.0);
    }

    @Test
    void snapshotWritesMeanNotSum() {
        StatisticsState state = emptyState();
        state.apply(0, 0, reading("a", 1.5, T0));
        String json = JsonMapper.builder().build().writeValueAsString(state.snapshot());

        assertThat(json).contains("\"formatVersion\":2").contains("\"mean\":1.5")
                .doesNotContain("sum");
    }

    @Test
    void snapshotRoundTripsThroughJson() {
        StatisticsState state = emptyState();
        state.apply(0, 0, reading("a", 1.25, T0));
        state.apply(2, 7, reading("b", -3, T0));
        JsonMapper mapper = JsonMapper.builder().build();

        byte[] json = mapper.writeValueAsBytes(state.snapshot());
        StatisticsSnapshot loaded = mapper.readValue(json, StatisticsSnapshot.class);
        StatisticsState restored = new StatisticsState(loaded, 60, 1000);

        assertThat(restored.view(key -> true)).isEqualTo(state.view(key -> true));
        assertThat(restored.coveredOffset(0)).isEqualTo(1);
        assertThat(restored.coveredOffset(2)).isEqualTo(8);
        assertThat(restored.apply(2, 7, reading("b", 100, T0))).isFalse();
        assertThat(restored.apply(2, 8, reading("b", 100, T0))).isTrue();
        assertThat(restored.view(key -> key.host().equals("b")).get(0).count()).isEqualTo(2);
    }

    @Test
    void windowKeepsNewestMinutes() {
        StatisticsState state = new StatisticsState(StatisticsSnapshot.EMPTY, 3, 10);
        for (int minute = 0; minute < 5; minute++) {
            state.apply(0, minute, reading("gw", minute, T0.plusSeconds(60L * minute)));
        }
        state.apply(0, 5, reading("gw", 99, T0));

        SeriesView view = state.view(key -> true).get(0);

        assertThat(view.count()).isEqualTo(6);
        assertThat(view.max()).isEqualTo(99);
        assertThat(view.minutes()).extracting(SeriesView.MinuteView::count)
                .containsExactly(1L, 1L, 1L);
        assertThat(view.minutes().get(0).minute())
                .isEqualTo(Instant.parse("2026-12-04T10:17:00Z"));
    }

    @Test
    void seriesLimitRejectsNewSeriesOnly() {
        StatisticsState state = new StatisticsState(StatisticsSnapshot.EMPTY, 60, 1);
        state.apply(0, 0, reading("a", 1, T0));

        assertThatThrownBy(() -> state.apply(0, 1, reading("b", 1, T0)))
                .isInstanceOf(SeriesLimitException.class)
                .hasMessageContaining("maximum of 1 series");
        assertThat(state.coveredOffset(0)).isEqualTo(1);
        assertThat(state.apply(0, 2, reading("a", 2, T0))).isTrue();
    }

    @Test
    void snapshotWrittenOnlyAfterChange() {
        StatisticsState state = emptyState();
        AtomicReference<StatisticsSnapshot> written = new AtomicReference<>();

        assertThat(state.writeSnapshotIfChanged(written::set)).isFalse();
        state.apply(0, 0, reading("a", 1, T0));
        assertThat(state.changesSinceSnapshot()).isEqualTo(1);
        assertThat(state.writeSnapshotIfChanged(written::set)).isTrue();

        assertThat(written.get().coveredOffsets()).containsEntry(0, 1L);
        assertThat(written.get().series()).extracting(StatisticsSnapshot.Series::host)
                .isEqualTo(List.of("a"));
        assertThat(state.changesSinceSnapshot()).isZero();
        assertThat(state.writeSnapshotIfChanged(written::set)).isFalse();
    }

    @Test
    void failedSnapshotWriteKeepsChanges() {
        StatisticsState state = emptyState();
        state.apply(0, 0, reading("a", 1, T0));

        assertThatThrownBy(() -> state.writeSnapshotIfChanged(snapshot -> {
            throw new IllegalStateException("disk full");
        })).hasMessage("disk full");
        assertThat(state.changesSinceSnapshot()).isEqualTo(1);
    }
}
