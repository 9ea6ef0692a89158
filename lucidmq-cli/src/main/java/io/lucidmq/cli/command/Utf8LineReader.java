package io.lucidmq.cli.command;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads UTF-8 lines, ended by {@code \n} or {@code \r\n}, decoding each line on its own so
 * that invalid UTF-8 is reported with the line it is in. A last line without an ending is
 * returned too. Not thread-safe.
 */
final class Utf8LineReader implements Closeable {

    private final BufferedInputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    Utf8LineReader(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /**
     * Returns the next line without its ending, or {@code null} at the end of the input.
     *
     * @throws CharacterCodingException if the line is not valid UTF-8, which is then skipped
     */
    String readLine() throws IOException {
        line.reset();
        int next;
        while ((next = in.read()) != -1 && next != '\n') {
            line.write(next);
        }
        if (next == -1 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r'
                ? bytes.length - 1 : bytes.length;
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, 0, length))
                .toString();
    }

    /** Returns whether more input can be read without blocking. */
    boolean ready() throws IOException {
        return in.available() > 0;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
