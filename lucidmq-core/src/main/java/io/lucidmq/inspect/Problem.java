package io.lucidmq.inspect;

import java.nio.file.Path;

/**
 * One problem found by {@link LogInspector#verify}.
 *
 * @param file the absolute path of the damaged file
 * @param position the byte position of the damage in that file, or {@code -1} for the whole
 *     file
 * @param description what is wrong, with the expected and the found values
 */
public record Problem(Path file, long position, String description) {

    @Override
    public String toString() {
        return file + (position >= 0 ? " at byte " + position : "") + ": " + description;
    }
}
