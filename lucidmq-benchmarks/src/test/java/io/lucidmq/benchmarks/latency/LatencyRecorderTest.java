package io.lucidmq.benchmarks.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void smallValuesAreExact() {
        LatencyRecorder recorder = new LatencyRecorder();
        for (long value = 1; value <= 100; value++) {
            recorder.record(value);
        }

        assertThat(recorder.count()).isEqualTo(100);
        assertThat(recorder.valueAtPercentile(50)).isEqualTo(50);
        assertThat(recorder.valueAtPercentile(99)).isEqualTo(99);
        assertThat(recorder.valueAtPercentile(100)).isEqualTo(100);
        assertThat(recorder.max()).isEqualTo(100);
    }

    @Test
    void largeValuesStayWithinOneSixtyFourth() {
        for (long value : new long[] {128, 1_000, 12_345, 987_654, 3_000_000_000L}) {
            LatencyRecorder recorder = new LatencyRecorder();
            recorder.record(value);
            recorder.record(value * 4);

            long reported = recorder.valueAtPercentile(50);

            assertThat(reported).as("p50 of %d", value).isGreaterThanOrEqualTo(value);
            assertThat((double) (reported - value) / value).as("error at %d", value)
                    .isLessThanOrEqualTo(1.0 / 64);
        }
    }

    @Test
    void bucketsCoverEveryValueInOrder() {
        long previousBound = -1;
        for (int index = 0; index < 128 + 56 * 64; index++) {
            long bound = LatencyRecorder.upperBound(index);
            assertThat(bound).as("bound of %d", index).isGreaterThan(previousBound);
            assertThat(LatencyRecorder.indexOf(bound)).as("index of %d", bound).isEqualTo(index);
            assertThat(LatencyRecorder.indexOf(previousBound + 1)).isEqualTo(index);
            previousBound = bound;
        }
        assertThat(LatencyRecorder.indexOf(Long.MAX_VALUE)).isEqualTo(128 + 56 * 64 - 1);
    }

    @Test
    void percentileIsCappedAtMax() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(1_000_001);

        assertThat(recorder.valueAtPercentile(99.9)).isEqualTo(1_000_001);
    }

    @Test
    void negativeValuesCountAsZero() {
        LatencyRecorder recorder = new LatencyRecorder();
        recorder.record(-5);

        assertThat(recorder.valueAtPercentile(100)).isZero();
    }

    @Test
    void emptyRecorderReportsZero() {
        assertThat(new LatencyRecorder().valueAtPercentile(99)).isZero();
    }

    @Test
    void percentileOutsideRangeIsRejected() {
        LatencyRecorder recorder = new LatencyRecorder();

        assertThatIllegalArgumentException().isThrownBy(() -> recorder.valueAtPercentile(0))
                .withMessageContaining("but was 0.0");
        assertThatIllegalArgumentException().isThrownBy(() -> recorder.valueAtPercentile(101));
    }
}
