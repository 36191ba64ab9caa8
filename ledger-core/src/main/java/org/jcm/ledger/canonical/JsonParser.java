package org.jcm.ledger.canonical;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recursive-descent parser behind {@link Json#parse(String)}; one instance per document. This is
 * the grammar: values, objects (no repeated member names), arrays, and the nesting limit
 * {@link Json#MAX_DEPTH}; the tokens are read by {@link JsonScanner}.
 */
final class JsonParser extends JsonScanner {

    private int depth;

    JsonParser(String text) {
        super(text);
    }

    Object parseDocument() {
        skipWhitespace();
        Object value = parseValue();
        skipWhitespace();
        if (pos < length) {
            throw error("unexpected " + describe(text.charAt(pos)) + " after the JSON value", pos);
        }
        return value;
    }

    private Object parseValue() {
        if (pos >= length) {
            throw error("unexpected end of input, expected a value", pos);
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return parseObject();
            case '[':
                return parseArray();
            case '"':
                return parseString();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || isDigit(c)) {
                    return parseNumber();
                }
                throw error("unexpected " + describe(c) + ", expected a value", pos);
        }
    }

    private Map<String, Object> parseObject() {
        enterContainer();
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (consume('}')) {
            depth--;
            return members;
        }
        while (true) {
            parseMember(members);
            skipWhitespace();
            if (consume('}')) {
                depth--;
                return members;
            }
            expect(',', "expected ',' or '}' in object");
            skipWhitespace();
            if (peek() == '}') {
                throw error("trailing comma in object", pos);
            }
        }
    }

    private void parseMember(Map<String, Object> members) {
        if (peek() != '"') {
            throw error("expected a string member name", pos);
        }
        int keyOffset = pos;
        String key = parseName();
        // The check precedes parsing the value so that the error points at the repeated name.
        if (members.containsKey(key)) {
            throw error("duplicate member name " + quote(key), keyOffset);
        }
        skipWhitespace();
        expect(':', "expected ':' after member name");
        skipWhitespace();
        members.put(key, parseValue());
    }

    private List<Object> parseArray() {
        enterContainer();
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (consume(']')) {
            depth--;
            return elements;
        }
        while (true) {
            elements.add(parseValue());
            skipWhitespace();
            if (consume(']')) {
                depth--;
                return elements;
            }
            expect(',', "expected ',' or ']' in array");
            skipWhitespace();
            if (peek() == ']') {
                throw error("trailing comma in array", pos);
            }
        }
    }

    private void enterContainer() {
        if (++depth > Json.MAX_DEPTH) {
            throw error("nesting deeper than " + Json.MAX_DEPTH + " levels", pos);
        }
        pos++;
    }
}
