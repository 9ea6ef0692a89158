package io.lucidmq.spring.listener;

import io.lucidmq.consumer.ConsumerRecords;
import io.lucidmq.record.ConsumerRecord;
import java.util.List;

/**
 * Delivers records one at a time, in offset order per partition. On
 * {@link ErrorOutcome#REDELIVER} it seeks every partition back to its first record not yet
 * done and ends the poll, so the next poll delivers them again.
 */
final class RecordDispatcher extends Dispatcher {

    private final RecordListener listener;

    RecordDispatcher(Context context, RecordListener listener) {
        super(context);
        this.listener = listener;
    }

    @Override
    void dispatch(ConsumerRecords records) {
        for (ConsumerRecord record : records) {
            if (context.runState().isStopRequested()) {
                return;
            }
            ErrorOutcome outcome = deliver(record);
            if (outcome == ErrorOutcome.REDELIVER) {
                seekBack(remainingFrom(records, record.topicPartition(), record.offset()));
                return;
            }
            if (outcome == ErrorOutcome.RECOVERED || commitsOnSuccess()) {
                context.offsets().markProcessed(record);
            }
            if (context.properties().ackMode() == AckMode.RECORD) {
                context.offsets().commit(context.consumer(), context.consumer().assignment());
            }
        }
    }

    private ErrorOutcome deliver(ConsumerRecord record) {
        List<ConsumerRecord> single = List.of(record);
        Acknowledgment acknowledgment = acknowledgmentOf(single);
        Delivery.Invocation invocation = () -> listener.onRecord(record, acknowledgment);
        try {
            invokeTimed(single, invocation);
            return ErrorOutcome.RETRIED;
        } catch (Exception ex) {
            return handleFailure(single, ex, invocation);
        }
    }
}
