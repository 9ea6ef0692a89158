package io.lucidmq.topic;

/**
 * Validation of topic names and consumer group ids, which both become directory names: 1 to
 * 249 characters of {@code a-z A-Z 0-9 . _ -}, and neither {@code .} nor {@code ..}.
 */
public final class Names {

    /** The maximum length of a topic name or group id. */
    public static final int MAX_LENGTH = 249;

    private Names() {
    }

    /** Returns {@code name} if it is a valid topic name, else throws. */
    public static String requireValidTopic(String name) {
        return requireValid("topic name", name);
    }

    /** Returns {@code groupId} if it is a valid group id, else throws. */
    public static String requireValidGroupId(String groupId) {
        return requireValid("group id", groupId);
    }

    /** Returns whether {@code name} is a valid topic name or group id. */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH) {
            return false;
        }
        if (name.equals(".") || name.equals("..")) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    private static String requireValid(String what, String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("invalid " + what + " '" + name + "': use 1 to "
                    + MAX_LENGTH + " characters of a-z A-Z 0-9 . _ -, and not '.' or '..'");
        }
        return name;
    }
}
