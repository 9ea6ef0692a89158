package io.lucidmq.sample.reading;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the syntax of a request body before it is read as a tree: one JSON value, with no
 * repeated property name in any object and nothing but whitespace after it. Each failure is an
 * {@link InvalidReadingException} in plain words, with the line and column of the error and no
 * names of parser classes or features. Thread-safe.
 */
final class JsonBodyCheck {

    private final JsonMapper mapper;
    private final int maxNestingDepth;

    JsonBodyCheck(JsonMapper mapper) {
        this.mapper = mapper;
        this.maxNestingDepth =
                mapper.tokenStreamFactory().streamReadConstraints().getMaxNestingDepth();
    }

    /** Throws {@link InvalidReadingException} if {@code body} is not exactly one JSON value. */
    void check(String body) {
        try (JsonParser parser = mapper.createParser(body)) {
            Deque<Set<String>> names = new ArrayDeque<>();
            try {
                readValue(parser, names);
            } catch (StreamConstraintsException e) {
                throw names.size() >= maxNestingDepth ? tooDeep() : tooLarge(e.getLocation());
            } catch (UnexpectedEndOfInputException e) {
                throw malformed(e.getLocation(), ": the body ends before the JSON value does");
            } catch (JacksonException e) {
                throw malformed(e.getLocation(), "");
            }
            requireEnd(parser);
        }
    }

    /** Reads the first value of the body, rejecting a property name repeated in one object. */
    private static void readValue(JsonParser parser, Deque<Set<String>> names) {
        JsonToken token = parser.nextToken();
        while (token != null) {
            switch (token) {
                case START_OBJECT -> names.push(new HashSet<>());
                case START_ARRAY -> names.push(Set.of());
                case END_OBJECT, END_ARRAY -> names.pop();
                case PROPERTY_NAME -> {
                    if (!names.peek().add(parser.currentName())) {
                        String field = path(parser.streamReadContext());
                        throw new InvalidReadingException(field, field + " appears more than "
                                + "once in the same object: send each field once");
                    }
                }
                default -> {
                }
            }
            if (names.isEmpty()) {
                return;
            }
            token = parser.nextToken();
        }
    }

    private static void requireEnd(JsonParser parser) {
        TokenStreamLocation location;
        try {
            if (parser.nextToken() == null) {
                return;
            }
            location = parser.currentTokenLocation();
        } catch (JacksonException e) {
            location = e.getLocation();
        }
        throw new InvalidReadingException("body", "body has unexpected content after the JSON "
                + "value at " + lineAndColumn(location) + ": send one object or one array");
    }

    /** Returns the path of the current property, such as {@code host} or {@code [2].host}. */
    private static String path(TokenStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (TokenStreamContext each = context; each != null && !each.inRoot();
                each = each.getParent()) {
            String separator = path.isEmpty() || path.charAt(0) == '[' ? "" : ".";
            String segment = each.inArray() ? "[" + each.getCurrentIndex() + "]"
                    : each.currentName();
            path.insert(0, segment + separator);
        }
        return path.toString();
    }

    private InvalidReadingException tooDeep() {
        return new InvalidReadingException("body", "body is JSON nested too deeply: at most "
                + maxNestingDepth + " levels of arrays and objects are allowed");
    }

    private static InvalidReadingException tooLarge(TokenStreamLocation location) {
        return new InvalidReadingException("body", "body has a JSON number, string or name "
                + "that is too long at " + lineAndColumn(location));
    }

    private static InvalidReadingException malformed(TokenStreamLocation location,
            String detail) {
        return new InvalidReadingException("body",
                "body has malformed JSON at " + lineAndColumn(location) + detail);
    }

    private static String lineAndColumn(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
