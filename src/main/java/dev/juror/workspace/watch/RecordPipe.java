package dev.juror.workspace.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Reads records on one thread while the caller's thread stores them: parsing a line and inserting a
 * row take about as long each, so a million-record import takes about half the time on two cores.
 * Records go across in batches; the order is kept. A failure on either side stops both and is thrown
 * on the caller's thread (the reader's first, as it is the cause).
 */
final class RecordPipe<T> {

    private static final int BATCH = 1_024;
    private final List<T> end = List.of();
    private final BlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(32);
    private volatile boolean stopped;

    /** Runs {@code producer} (which hands records to its argument) on a reader thread, {@code consumer} here. */
    static <T> void run(Consumer<Consumer<T>> producer, Consumer<T> consumer) {
        new RecordPipe<T>().pipe(producer, consumer);
    }

    private void pipe(Consumer<Consumer<T>> producer, Consumer<T> consumer) {
        RuntimeException[] readFailure = new RuntimeException[1];
        Thread reader = Thread.ofPlatform().name("juror-watch-reader").daemon().start(() -> {
            List<T> batch = new ArrayList<>(BATCH);
            try {
                producer.accept(r -> {
                    batch.add(r);
                    if (batch.size() == BATCH) {
                        put(new ArrayList<>(batch));
                        batch.clear();
                    }
                });
                put(batch);
            } catch (CancellationException stoppedByConsumer) {
                return;
            } catch (RuntimeException | Error e) {
                readFailure[0] = e instanceof RuntimeException re ? re : new IllegalStateException(e);
            } finally {
                try {
                    put(end);
                } catch (CancellationException ignored) {
                    // the consumer stopped; nobody waits for the end
                }
            }
        });
        RuntimeException writeFailure = null;
        try {
            for (List<T> batch = take(); batch != end; batch = take()) {
                batch.forEach(consumer);
            }
        } catch (RuntimeException e) {
            writeFailure = e;
            stopped = true;
            queue.clear();
        }
        join(reader);
        if (readFailure[0] != null) {
            throw readFailure[0];
        }
        if (writeFailure != null) {
            throw writeFailure;
        }
    }

    private void put(List<T> batch) {
        try {
            while (!queue.offer(batch, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    throw new CancellationException();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException();
        }
    }

    private List<T> take() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while importing", e);
        }
    }

    private static void join(Thread reader) {
        try {
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
