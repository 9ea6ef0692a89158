package io.lucidmq.spring.listener;

import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.record.ConsumerRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * Delivers the records of a poll as one batch. Records named by a
 * {@link BatchConversionException} go to the error handler one by one, and the listener is
 * invoked again with the rest. On {@link ErrorOutcome#REDELIVER} every partition of the batch
 * is sought back to its first record.
 */
final class BatchDispatcher extends Dispatcher {

    private final BatchListener listener;

    BatchDispatcher(Context context, BatchListener listener) {
        super(context);
        this.listener = listener;
    }

    @Override
    void dispatch(ConsumerRecords records) {
        List<ConsumerRecord> all = new ArrayList<>(records.count());
        records.forEach(all::add);
        List<ConsumerRecord> recovered = new ArrayList<>();
        List<ConsumerRecord> batch = all;
        ErrorOutcome outcome = ErrorOutcome.RETRIED;
        while (!batch.isEmpty()) {
            List<ConsumerRecord> current = batch;
            Acknowledgment acknowledgment = acknowledgmentOf(current);
            Delivery.Invocation invocation = () -> listener.onBatch(current, acknowledgment);
            try {
                invokeTimed(current, invocation);
                outcome = ErrorOutcome.RETRIED;
            } catch (BatchConversionException ex) {
                if (!recoverUnconvertible(ex, recovered)) {
                    seekBack(all);
                    return;
                }
                batch = withoutFailed(current, ex);
                continue;
            } catch (Exception ex) {
                outcome = handleFailure(current, ex, invocation);
            }
            if (outcome == ErrorOutcome.REDELIVER) {
                seekBack(all);
                return;
            }
            break;
        }
        markDone(batch, outcome, recovered);
    }

    /**
     * Marks the batch processed once it is done, so that a redelivery of the rest never
     * commits past a recovered record's earlier neighbours.
     */
    private void markDone(List<ConsumerRecord> delivered, ErrorOutcome outcome,
            List<ConsumerRecord> recovered) {
        if (outcome == ErrorOutcome.RECOVERED || commitsOnSuccess()) {
            delivered.forEach(context.offsets()::markProcessed);
        }
        recovered.forEach(context.offsets()::markProcessed);
    }

    /** Returns {@code false} when a record must be redelivered instead. */
    private boolean recoverUnconvertible(BatchConversionException exception,
            List<ConsumerRecord> recovered) {
        for (BatchConversionException.Failure failure : exception.failures()) {
            List<ConsumerRecord> single = List.of(failure.record());
            ErrorOutcome outcome = handleFailure(single, failure.exception(),
                    () -> {
                        throw failure.exception();
                    });
            if (outcome == ErrorOutcome.REDELIVER) {
                return false;
            }
            recovered.add(failure.record());
        }
        return true;
    }

    private static List<ConsumerRecord> withoutFailed(List<ConsumerRecord> batch,
            BatchConversionException exception) {
        List<ConsumerRecord> failed = exception.failures().stream()
                .map(BatchConversionException.Failure::record).toList();
        return batch.stream().filter(record -> !failed.contains(record)).toList();
    }
}
