package eu.riscale.modelhub.core.description.internal;

import eu.riscale.modelhub.spec.validation.Diagnostic;
import eu.riscale.modelhub.spec.validation.Location;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a description's bytes as strict UTF-8: a byte sequence that is not UTF-8 is an error naming its line, column
 * and byte offset (as the reference's loader fails on such files), never silently replaced by U+FFFD.
 */
final class Utf8Text {
    private Utf8Text() {}

    static String decode(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw invalid(bytes, in.position(), r.length());
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw invalid(bytes, in.position(), r.length());
        }
        return out.flip().toString();
    }

    private static YamlIo.YamlSyntaxException invalid(byte[] bytes, int offset, int length) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // the column counts characters: the bytes before the bad one on its line that start a UTF-8 character
        int column = 1;
        for (int i = lineStart; i < offset; i++) {
            if ((bytes[i] & 0xC0) != 0x80) {
                column++;
            }
        }
        StringBuilder hex = new StringBuilder();
        for (int i = offset; i < Math.min(bytes.length, offset + Math.max(1, length)); i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return new YamlIo.YamlSyntaxException(
                Diagnostic.error(
                                Location.ROOT,
                                "malformed YAML: the description is not valid UTF-8: byte " + hex + " at offset "
                                        + offset + " is not a UTF-8 character (save the file as UTF-8)")
                        .at(line, column),
                null);
    }
}
