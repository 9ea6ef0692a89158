package io.lucidmq.log;

import java.util.concurrent.Semaphore;

/**
 * The number of active segment files that the partition logs of one instance may keep open
 * to write through system calls instead of through their mappings.
 *
 * <p>A log that is forced after every append writes each batch with {@code pwrite} and forces
 * it with {@code fdatasync} when it has taken a place in this budget. Writing the same batch
 * through a mapping costs more under such forces: each force write-protects the pages it
 * writes back, so the next append to the same page faults again. Holding the file open costs
 * a descriptor, so the places are counted. A log that finds no free place writes through its
 * mapping, as every other log does.
 *
 * <p>Thread-safe.
 */
public final class WriteChannelBudget {

    private final int places;
    private final Semaphore free;

    /**
     * Creates a budget of {@code places} open files.
     *
     * @throws IllegalArgumentException if {@code places} is negative
     */
    public WriteChannelBudget(int places) {
        if (places < 0) {
            throw new IllegalArgumentException("places must be at least 0, but was " + places);
        }
        this.places = places;
        this.free = new Semaphore(places);
    }

    /** Returns the number of places in the budget. */
    public int places() {
        return places;
    }

    /** Returns the number of places that no writer has taken. */
    public int freePlaces() {
        return free.availablePermits();
    }

    /** Takes a place if one is free, without waiting. */
    boolean tryTake() {
        return free.tryAcquire();
    }

    /** Gives back a place taken with {@link #tryTake}. */
    void giveBack() {
        free.release();
    }
}
