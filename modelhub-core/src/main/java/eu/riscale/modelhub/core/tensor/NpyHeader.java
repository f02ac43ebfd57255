package eu.riscale.modelhub.core.tensor;

import eu.riscale.modelhub.spec.tensor.DType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The parsed header dictionary of a {@code .npy} file, and its formatting for writing. */
final class NpyHeader {
    final DType dtype;
    final boolean bigEndian;
    final boolean fortranOrder;
    final int[] shape;
    final int size;

    private NpyHeader(DType dtype, boolean bigEndian, boolean fortranOrder, int[] shape, int size) {
        this.dtype = dtype;
        this.bigEndian = bigEndian;
        this.fortranOrder = fortranOrder;
        this.shape = shape;
        this.size = size;
    }

    static NpyHeader parse(String header, String name) throws NpyFormatException {
        Parser p = new Parser(header, name);
        String descr = null;
        Boolean fortran = null;
        List<Long> shape = null;
        p.expect('{');
        while (true) {
            p.skipSpace();
            if (p.peek() == '}') {
                p.pos++;
                break;
            }
            String key = p.string();
            p.expect(':');
            p.skipSpace();
            switch (key) {
                case "descr":
                    if (p.peek() != '\'' && p.peek() != '"') {
                        throw p.error("descr: structured dtypes are not supported, expected one of " + supported());
                    }
                    descr = p.string();
                    break;
                case "fortran_order":
                    fortran = p.bool();
                    break;
                case "shape":
                    shape = p.tuple();
                    break;
                default:
                    throw p.error("found unknown header key '" + key + "', expected descr, fortran_order, shape");
            }
            p.skipSpace();
            if (p.peek() == ',') {
                p.pos++;
            }
        }
        if (descr == null || fortran == null || shape == null) {
            throw p.error("header lacks " + (descr == null ? "descr" : fortran == null ? "fortran_order" : "shape"));
        }
        if (descr.length() < 2) {
            throw p.error("descr: found '" + descr + "', expected one of " + supported());
        }
        char order = descr.charAt(0);
        String code = descr.substring(1);
        if (code.startsWith("O") || code.startsWith("V")) {
            throw p.error("descr: found '" + descr + "': object arrays and pickled data are refused");
        }
        DType dtype = dtypeOf(code);
        if (dtype == null || "<>|=".indexOf(order) < 0) {
            throw p.error("descr: found '" + descr + "', expected one of " + supported());
        }
        int[] dims = new int[shape.size()];
        long n = 1;
        // the sizes other than 0 must multiply within the limit too: they give the strides, also of an empty array
        long nonZero = 1;
        for (int i = 0; i < dims.length; i++) {
            long d = shape.get(i);
            if (d < 0) {
                throw p.error("shape[" + i + "]: found " + d + ", expected a size >= 0");
            }
            if (d > Tensor.MAX_ELEMENTS) {
                throw p.error("shape[" + i + "]: found " + d + ", more than " + Tensor.MAX_ELEMENTS
                        + " elements, the most a dimension (and a tensor) may have");
            }
            if (d > 0 && nonZero > Tensor.MAX_ELEMENTS / d) {
                throw p.error(
                        "shape " + shape + ": the sizes multiply to more than " + Tensor.MAX_ELEMENTS + " elements"
                                + (shape.contains(0L) ? " (leaving out the 0, whose strides they give)" : "")
                                + ", the most a tensor may have");
            }
            nonZero *= Math.max(1, d);
            n *= d;
            dims[i] = (int) d;
        }
        return new NpyHeader(dtype, order == '>', fortran, dims, (int) n);
    }

    private static String supported() {
        return "<b1, <i1, <u1, <i2, <u2, <i4, <u4, <i8, <u8, <f4, <f8 (or big-endian >)";
    }

    private static DType dtypeOf(String code) {
        switch (code) {
            case "b1":
                return DType.BOOL;
            case "i1":
                return DType.INT8;
            case "u1":
                return DType.UINT8;
            case "i2":
                return DType.INT16;
            case "u2":
                return DType.UINT16;
            case "i4":
                return DType.INT32;
            case "u4":
                return DType.UINT32;
            case "i8":
                return DType.INT64;
            case "u8":
                return DType.UINT64;
            case "f4":
                return DType.FLOAT32;
            case "f8":
                return DType.FLOAT64;
            default:
                return null;
        }
    }

    private static String descrOf(DType t) {
        String kind;
        if (t == DType.BOOL) {
            kind = "b";
        } else if (t.isFloatingPoint()) {
            kind = "f";
        } else {
            kind = t.isUnsigned() ? "u" : "i";
        }
        return (t.byteSize() == 1 ? "|" : "<") + kind + t.byteSize();
    }

    /** Formats magic, version, length and the padded header dictionary (total a multiple of 64 bytes). */
    static byte[] format(DType dtype, int[] shape) {
        StringBuilder b = new StringBuilder("{'descr': '").append(descrOf(dtype));
        b.append("', 'fortran_order': False, 'shape': (");
        for (int i = 0; i < shape.length; i++) {
            b.append(shape[i]).append(shape.length == 1 ? "," : i < shape.length - 1 ? ", " : "");
        }
        b.append("), }");
        int prefix = 10;
        int total = prefix + b.length() + 1;
        if (total + (64 - total % 64) % 64 > 65535 + prefix) {
            prefix = 12;
            total = prefix + b.length() + 1;
        }
        int pad = (64 - total % 64) % 64;
        b.append(" ".repeat(pad)).append('\n');
        byte[] h = b.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[prefix + h.length];
        out[0] = (byte) 0x93;
        System.arraycopy("NUMPY".getBytes(StandardCharsets.ISO_8859_1), 0, out, 1, 5);
        out[6] = (byte) (prefix == 10 ? 1 : 2);
        out[7] = 0;
        int len = h.length;
        out[8] = (byte) len;
        out[9] = (byte) (len >>> 8);
        if (prefix == 12) {
            out[10] = (byte) (len >>> 16);
            out[11] = (byte) (len >>> 24);
        }
        System.arraycopy(h, 0, out, prefix, h.length);
        return out;
    }

    private static final class Parser {
        final String s;
        final String name;
        int pos;

        Parser(String s, String name) {
            this.s = s;
            this.name = name;
        }

        NpyFormatException error(String msg) {
            return new NpyFormatException(name + ": invalid npy header: " + msg);
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        char peek() throws NpyFormatException {
            skipSpace();
            if (pos >= s.length()) {
                throw error("unexpected end of header");
            }
            return s.charAt(pos);
        }

        void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw error("found '" + s.charAt(pos) + "' at offset " + pos + ", expected '" + c + "'");
            }
            pos++;
        }

        String string() throws NpyFormatException {
            char q = peek();
            if (q != '\'' && q != '"') {
                throw error("found '" + q + "' at offset " + pos + ", expected a quoted string");
            }
            int end = s.indexOf(q, pos + 1);
            if (end < 0) {
                throw error("unterminated string at offset " + pos);
            }
            String v = s.substring(pos + 1, end);
            pos = end + 1;
            return v;
        }

        boolean bool() throws NpyFormatException {
            skipSpace();
            if (s.startsWith("True", pos)) {
                pos += 4;
                return true;
            }
            if (s.startsWith("False", pos)) {
                pos += 5;
                return false;
            }
            throw error("fortran_order: expected True or False at offset " + pos);
        }

        List<Long> tuple() throws NpyFormatException {
            expect('(');
            List<Long> out = new ArrayList<>();
            while (true) {
                char c = peek();
                if (c == ')') {
                    pos++;
                    return out;
                }
                int start = pos;
                if (c == '-') {
                    pos++;
                }
                while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
                    pos++;
                }
                String num = s.substring(start, pos);
                if (pos < s.length() && s.charAt(pos) == 'L') {
                    pos++;
                }
                if (num.isEmpty() || num.equals("-")) {
                    throw error("shape: found '" + c + "' at offset " + start + ", expected an integer");
                }
                if (num.length() > 18) {
                    throw error("shape: size " + num + " is too large");
                }
                out.add(Long.parseLong(num));
                if (peek() == ',') {
                    pos++;
                }
            }
        }
    }
}
