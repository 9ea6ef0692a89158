package io.lucidmq.cli.output;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Conversions of record keys, values and header values to text. */
public final class BytesText {

    private BytesText() {
    }

    /**
     * Returns {@code bytes} decoded as UTF-8, or {@code null} when they are not valid UTF-8
     * (malformed sequences, overlong forms or encoded surrogates).
     */
    public static String decodeUtf8OrNull(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException notUtf8) {
            // Binary data is an expected input here, and the null result reports it.
            return null;
        }
    }

    /** Returns {@code bytes} decoded as UTF-8, with invalid sequences replaced; null gives null. */
    public static String lenientUtf8(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Returns {@code bytes} in standard Base64 with padding (RFC 4648). */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * Returns a readable form of {@code bytes} for dumps: a quoted, escaped JSON string when
     * they are UTF-8, else {@code base64:} and their Base64, and {@code null} for null.
     */
    public static String display(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        String text = decodeUtf8OrNull(bytes);
        return text != null ? JsonText.quote(text) : "base64:" + base64(bytes);
    }
}
