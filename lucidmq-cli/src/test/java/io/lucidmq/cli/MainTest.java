package io.lucidmq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void isVerboseFindsLongAndShortOption() {
        assertThat(Main.isVerbose(new String[] {"--dir", "d", "--verbose", "topics"})).isTrue();
        assertThat(Main.isVerbose(new String[] {"-v", "--dir", "d"})).isTrue();
    }

    @Test
    void isVerboseIgnoresArgumentsAfterDoubleDash() {
        assertThat(Main.isVerbose(new String[] {"--dir", "d", "produce", "--", "-v"})).isFalse();
        assertThat(Main.isVerbose(new String[] {"--dir", "d", "topics", "list"})).isFalse();
    }
}
