package io.lucidmq.reliability;

import java.time.Duration;

/**
 * The size of one harness run, read from system properties. Without them a harness runs in
 * quick mode: a small count bounded by a time budget, so that {@code mvn test} stays short.
 * When the count property is set (long mode) the budget is unlimited unless its own property
 * sets one.
 *
 * @param count the number of trials or mutations to run
 * @param budget the time after which the run stops early, even below {@code count}
 * @param seed the seed of the run's random choices, printed with every failure
 */
record HarnessSettings(int count, Duration budget, long seed) {

    /** The property that sets the seed of every harness; random when absent. */
    static final String SEED_PROPERTY = "lucidmq.reliability.seed";

    /**
     * Reads the settings of one harness.
     *
     * @param countProperty the property that sets the count, for example
     *     {@code lucidmq.torture.trials}
     * @param quickCount the count in quick mode
     * @param quickBudget the budget in quick mode
     */
    static HarnessSettings read(String countProperty, int quickCount, Duration quickBudget) {
        String count = property(countProperty);
        String budgetSeconds = property(countProperty + ".budgetSeconds");
        Duration budget;
        if (budgetSeconds != null) {
            budget = Duration.ofSeconds(Long.parseLong(budgetSeconds));
        } else {
            budget = count == null ? quickBudget : Duration.ofDays(1);
        }
        String seed = property(SEED_PROPERTY);
        return new HarnessSettings(count == null ? quickCount : Integer.parseInt(count), budget,
                seed == null ? System.nanoTime() : Long.parseLong(seed));
    }

    /** Returns a property without surrounding white space, or null when unset or blank. */
    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Returns whether a run that started at {@code startNanos} has used up its budget. */
    boolean budgetSpent(long startNanos) {
        return System.nanoTime() - startNanos > budget.toNanos();
    }
}
