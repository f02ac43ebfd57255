package eu.riscale.modelhub.core.image;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * The {@code Pixels} element of the first {@code Image} of an OME-XML ImageDescription: the dimension order and sizes
 * that say which TIFF page holds which z plane, channel and time point.
 *
 * @param dimensionOrder for example {@code XYZCT} (fastest first: pages step through z first)
 * @param sizeZ z planes
 * @param sizeC channels
 * @param sizeT time points
 */
record OmePixels(String dimensionOrder, int sizeZ, int sizeC, int sizeT) {
    private static final List<String> ORDERS = List.of("XYZCT", "XYZTC", "XYCTZ", "XYCZT", "XYTCZ", "XYTZC");

    /**
     * Reads the pixels description from an ImageDescription, when it is OME-XML.
     *
     * @param file the TIFF, for messages
     * @param description the ImageDescription text of its first page
     * @return the pixels description, or null when the text is not OME-XML
     * @throws IOException when it is OME-XML without a valid {@code Pixels} element
     */
    static @Nullable OmePixels parse(Path file, String description) throws IOException {
        String text = description.strip();
        if (!text.startsWith("<") || !text.contains("OME")) {
            return null;
        }
        Element pixels;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            var doc = b.parse(new InputSource(new StringReader(text)));
            if (!"OME".equals(doc.getDocumentElement().getLocalName())) {
                return null;
            }
            NodeList list = doc.getElementsByTagNameNS("*", "Pixels");
            if (list.getLength() == 0) {
                throw new IOException(file + ": the OME-XML in the ImageDescription has no Pixels element");
            }
            pixels = (Element) list.item(0);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IOException(
                    file + ": the OME-XML in the ImageDescription cannot be parsed: " + e.getMessage(), e);
        }
        String order = pixels.getAttribute("DimensionOrder");
        if (!ORDERS.contains(order)) {
            throw new IOException(
                    file + ": OME-XML Pixels DimensionOrder: found '" + order + "', expected one of " + ORDERS);
        }
        return new OmePixels(
                order, size(file, pixels, "SizeZ"), size(file, pixels, "SizeC"), size(file, pixels, "SizeT"));
    }

    private static int size(Path file, Element pixels, String name) throws IOException {
        String v = pixels.getAttribute(name);
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IOException(file + ": OME-XML Pixels " + name + ": found '" + v + "', expected a positive integer");
    }

    /** {@return the size of dimension Z, C or T} */
    int size(char dim) {
        switch (dim) {
            case 'Z':
                return sizeZ;
            case 'C':
                return sizeC;
            case 'T':
                return sizeT;
            default:
                throw new AssertionError(dim);
        }
    }

    /** {@return the axis id a dimension gets: {@code z}, {@code channel} or {@code time}} */
    static String axisId(char dim) {
        switch (dim) {
            case 'Z':
                return "z";
            case 'C':
                return "channel";
            case 'T':
                return "time";
            default:
                throw new AssertionError(dim);
        }
    }

    /**
     * {@return the dimensions the pages step through, slowest first (the reverse of the dimension order), leaving out
     * C when the channels are the bands of each page}
     *
     * @param channelsInBands whether each page holds all channels as bands
     */
    List<Character> pageDims(boolean channelsInBands) {
        List<Character> dims = new ArrayList<>();
        for (int i = dimensionOrder.length() - 1; i >= 2; i--) {
            char d = dimensionOrder.charAt(i);
            if (!(channelsInBands && d == 'C')) {
                dims.add(d);
            }
        }
        return dims;
    }
}
