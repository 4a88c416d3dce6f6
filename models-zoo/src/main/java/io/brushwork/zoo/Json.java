// Copyright 2026 the Brushwork authors
// SPDX-License-Identifier: Apache-2.0

package io.brushwork.zoo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A strict RFC 8259 JSON parser, just enough for safetensors headers. Objects become
 * insertion-ordered maps, arrays lists, strings strings, {@code true}/{@code false} booleans,
 * {@code null} null, and numbers {@link NumberLiteral}s holding their literal text so that
 * callers decide how strictly to interpret them. Duplicate keys and deep nesting are rejected
 * because a hostile header would otherwise be read ambiguously or overflow the stack.
 */
final class Json {
    /** Far above the depth of any safetensors header (3), far below what exhausts a thread stack. */
    private static final int MAX_DEPTH = 64;

    /** A JSON number, kept as its literal text. */
    record NumberLiteral(String text) {
        /** The value if the literal is a plain integer that fits a {@code long}, else null. */
        @Nullable Long asLong() {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '.' || c == 'e' || c == 'E') {
                    return null;
                }
            }
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The text is not JSON, or breaks one of this parser's limits. */
    static final class SyntaxException extends Exception {
        SyntaxException(String message) {
            super(message);
        }
    }

    private final String text;
    private int pos;

    private Json(String text) {
        this.text = text;
    }

    /** Parses a complete JSON document; only whitespace may follow the value. */
    static Object parse(String text) throws SyntaxException {
        Json parser = new Json(text);
        Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value(int depth) throws SyntaxException {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of JSON");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character '" + printable(c) + "'");
            }
        };
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key");
            }
            int keyPos = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            Object value = value(depth);
            if (members.containsKey(key)) {
                pos = keyPos;
                throw error("duplicate key \"" + SafetensorsFile.shorten(key) + "\"");
            }
            members.put(key, value);
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxException {
        checkDepth(depth);
        pos++; // '['
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return elements;
        }
        while (true) {
            elements.add(value(depth));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return elements;
            }
        }
    }

    private String string() throws SyntaxException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            } else if (c == '\\') {
                escape(sb);
            } else if (c < 0x20) {
                pos--;
                throw error("unescaped control character in string");
            } else {
                sb.append(c);
            }
        }
    }

    private void escape(StringBuilder sb) throws SyntaxException {
        if (pos >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '"', '\\', '/' -> sb.append(c);
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            case 't' -> sb.append('\t');
            case 'u' -> {
                char unit = hex4();
                // A lone surrogate has no UTF-8 form; accepting it would give keys no writer can reproduce.
                if (Character.isHighSurrogate(unit) && text.startsWith("\\u", pos)) {
                    pos += 2;
                    char low = hex4();
                    if (!Character.isLowSurrogate(low)) {
                        throw error("unpaired surrogate in \\u escape");
                    }
                    sb.append(unit).append(low);
                } else if (Character.isSurrogate(unit)) {
                    throw error("unpaired surrogate in \\u escape");
                } else {
                    sb.append(unit);
                }
            }
            default -> {
                pos--;
                throw error("invalid escape '\\" + printable(c) + "'");
            }
        }
    }

    private char hex4() throws SyntaxException {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(pos + i), 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private NumberLiteral number() throws SyntaxException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: digit expected in exponent");
            }
            digits();
        }
        return new NumberLiteral(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private Object literal(String word, Object value) throws SyntaxException {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private void checkDepth(int depth) throws SyntaxException {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) {
            throw error(pos >= text.length() ? "unexpected end of JSON, expected '" + c + "'"
                    : "expected '" + c + "' but found '" + printable(text.charAt(pos)) + "'");
        }
        pos++;
    }

    /** The current character, or NUL at the end (NUL never starts a valid token). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }

    private SyntaxException error(String problem) {
        return new SyntaxException(problem + " at character " + pos);
    }
}
