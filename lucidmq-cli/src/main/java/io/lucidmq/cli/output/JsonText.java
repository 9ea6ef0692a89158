package io.lucidmq.cli.output;

/** Encoding of strings as JSON string literals (RFC 8259). */
public final class JsonText {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {
    }

    /**
     * Returns {@code text} as a quoted JSON string, with the quotation mark, the reverse solidus
     * and the control characters U+0000 to U+001F escaped and everything else as it is. A
     * {@code null} text gives {@code null}.
     */
    public static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder(text.length() + 2);
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            appendEscaped(json, text.charAt(i));
        }
        return json.append('"').toString();
    }

    private static void appendEscaped(StringBuilder json, char c) {
        switch (c) {
            case '"' -> json.append("\\\"");
            case '\\' -> json.append("\\\\");
            case '\b' -> json.append("\\b");
            case '\f' -> json.append("\\f");
            case '\n' -> json.append("\\n");
            case '\r' -> json.append("\\r");
            case '\t' -> json.append("\\t");
            default -> {
                if (c < 0x20) {
                    json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    json.append(c);
                }
            }
        }
    }
}
