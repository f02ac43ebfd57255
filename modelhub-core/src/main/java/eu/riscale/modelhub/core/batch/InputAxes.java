package eu.riscale.modelhub.core.batch;

import eu.riscale.modelhub.core.inference.InvalidInputException;
import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.axis.BatchAxis;
import eu.riscale.modelhub.spec.axis.ChannelAxis;
import eu.riscale.modelhub.spec.axis.FixedSize;
import eu.riscale.modelhub.spec.axis.IndexInputAxis;
import eu.riscale.modelhub.spec.axis.InputAxis;
import eu.riscale.modelhub.spec.axis.InputSize;
import eu.riscale.modelhub.spec.axis.SpaceInputAxis;
import eu.riscale.modelhub.spec.axis.TimeInputAxis;
import eu.riscale.modelhub.spec.tensor.InputTensorDescr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Names the dimensions of an array read from a file after the axes of a model input, so that the prediction pipeline
 * can arrange it (it takes axes in any order and adds or drops axes of size 1).
 *
 * <ul>
 *   <li>{@link #ofImage}: an image read with {@code Images.read(file, "page")}: {@code y}, {@code x}, {@code channel}
 *       (bands), and from an OME-TIFF {@code z}, {@code channel}, {@code time}. OME axes go to the model's axis of that
 *       type; the pages of a plain multi-page TIFF go to the one model axis they can fill (the space axis besides
 *       {@code y} and {@code x}, a channel axis with as many channels, a time axis; a free batch axis only when none
 *       of those does), and when several could take them the mapping is ambiguous and refused, asking for explicit
 *       axes.
 *   <li>{@link #ofArray}: an {@code .npy} array, whose dimensions have no names: as many dimensions as the model input
 *       take its axis ids in order; with fewer, the model's batch axis and single-channel axis are left out first.
 *   <li>{@link #named}: explicit axes for either, for example {@code zyx} (one letter per dimension: {@code b} the
 *       model's batch axis, {@code c} its channel axis, {@code t} its time axis, any other letter a space axis id) or
 *       comma-separated axis ids {@code z,channel,y,x}.
 * </ul>
 *
 * <pre>{@code
 * Tensor raw = InputAxes.ofImage(Images.read(file, InputAxes.PAGE_AXIS), model.inputs().get(0), file.toString());
 * Tensor stack = InputAxes.named(Images.read(file, InputAxes.PAGE_AXIS), "czyx", model.inputs().get(0), name);
 * }</pre>
 *
 * <p>Errors are {@link InvalidInputException}s naming the file ({@code source}), the input and, when the mapping is
 * ambiguous, the candidate axes.
 */
public final class InputAxes {
    /** The axis id to read the pages of a plain multi-page TIFF with, for {@link #ofImage}. */
    public static final String PAGE_AXIS = "page";

    private InputAxes() {}

    /**
     * Names an image's axes after the model input; see the class documentation.
     *
     * @param image read with {@code Images.read(file, PAGE_AXIS)}
     * @param input the model input it is for
     * @param source the file, for messages
     * @return the tensor with the model's axis ids
     * @throws InvalidInputException when the pages fit no axis, or several
     */
    public static Tensor ofImage(Tensor image, InputTensorDescr input, String source) throws InvalidInputException {
        List<String> axes = new ArrayList<>();
        List<String> taken = new ArrayList<>();
        for (String a : image.axes()) {
            String mapped = mapNamed(a, input);
            axes.add(mapped);
            if (!a.equals(PAGE_AXIS)) {
                taken.add(mapped);
            }
        }
        int page = image.axes().indexOf(PAGE_AXIS);
        if (page >= 0) {
            int n = image.size(PAGE_AXIS);
            List<InputAxis> fits = new ArrayList<>();
            for (InputAxis axis : input.axes()) {
                if (!taken.contains(axis.id()) && takesPages(axis, n, input)) {
                    fits.add(axis);
                }
            }
            if (fits.size() > 1) {
                fits.removeIf(a -> a instanceof BatchAxis); // a batch of 2D planes only when nothing else fits
            }
            List<String> ids = fits.stream().map(InputAxis::id).toList();
            if (fits.size() != 1) {
                String why = fits.isEmpty()
                        ? "no axis of input '" + input.id() + "' " + ids(input) + " can take them"
                        : "they could be any of axes " + ids + " of input '" + input.id() + "'";
                throw new InvalidInputException(
                        input.id(),
                        null,
                        source + ": " + n + " pages of a plain (not OME) multi-page TIFF, and " + why
                                + "; name the file's axes" + example(image, input, fits) + " or give an OME-TIFF");
            }
            axes.set(page, ids.get(0));
        }
        return image.withAxes(axes);
    }

    /**
     * Names the dimensions of an unnamed array after the model input; see the class documentation.
     *
     * @param array an array read from {@code .npy}
     * @param input the model input it is for
     * @param source the file, for messages
     * @return the tensor with the model's axis ids
     * @throws InvalidInputException when the number of dimensions does not fit
     */
    public static Tensor ofArray(Tensor array, InputTensorDescr input, String source) throws InvalidInputException {
        List<InputAxis> axes = new ArrayList<>(input.axes());
        int drop = axes.size() - array.ndim();
        for (int i = 0; i < axes.size() && drop > 0; ) {
            InputAxis a = axes.get(i);
            boolean singleton = a instanceof BatchAxis
                    || (a instanceof ChannelAxis
                            && ((ChannelAxis) a).channelNames().size() == 1);
            if (singleton) {
                axes.remove(i);
                drop--;
            } else {
                i++;
            }
        }
        if (axes.size() != array.ndim()) {
            throw new InvalidInputException(
                    input.id(),
                    null,
                    source + ": found " + array.ndim() + " dimensions (shape " + Arrays.toString(array.shape())
                            + "), expected " + input.axes().size() + " for the axes of input '" + input.id() + "' "
                            + ids(input));
        }
        return array.withAxes(axes.stream().map(InputAxis::id).toList());
    }

    /**
     * Names the dimensions explicitly.
     *
     * @param tensor the array or image as read
     * @param spec one letter per dimension ({@code b}, {@code c}, {@code t} for the model's batch, channel and time
     *     axes, other letters space axis ids) or comma-separated axis ids
     * @param input the model input it is for
     * @param source the file, for messages
     * @return the tensor with those axis ids
     * @throws InvalidInputException when the spec names a different number of dimensions or an axis twice
     */
    public static Tensor named(Tensor tensor, String spec, InputTensorDescr input, String source)
            throws InvalidInputException {
        Objects.requireNonNull(spec, "spec");
        List<String> ids = new ArrayList<>();
        if (spec.contains(",")) {
            for (String s : spec.split(",", -1)) {
                ids.add(s.strip());
            }
        } else {
            for (char c : spec.strip().toCharArray()) {
                ids.add(letter(c, input));
            }
        }
        if (ids.size() != tensor.ndim()) {
            throw new InvalidInputException(
                    input.id(),
                    null,
                    source + ": the axes '" + spec + "' name " + ids.size() + " dimensions, the file has "
                            + tensor.ndim() + " (shape " + Arrays.toString(tensor.shape()) + ")");
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i).isEmpty() || ids.indexOf(ids.get(i)) != i) {
                throw new InvalidInputException(
                        input.id(),
                        null,
                        source + ": the axes '" + spec + "' name "
                                + (ids.get(i).isEmpty() ? "an empty axis" : "axis '" + ids.get(i) + "' twice")
                                + "; expected one distinct axis per dimension");
            }
        }
        return tensor.withAxes(ids);
    }

    private static String letter(char c, InputTensorDescr input) {
        switch (c) {
            case 'b':
                return idOf(input, BatchAxis.class, "batch");
            case 'c':
                return idOf(input, ChannelAxis.class, "channel");
            case 't':
                return idOf(input, TimeInputAxis.class, "time");
            case 'i':
                return idOf(input, IndexInputAxis.class, "index");
            default:
                return String.valueOf(c);
        }
    }

    private static String idOf(InputTensorDescr input, Class<? extends InputAxis> type, String fallback) {
        for (InputAxis a : input.axes()) {
            if (type.isInstance(a)) {
                return a.id();
            }
        }
        return fallback;
    }

    /** The model axis id for an image axis: the model's axis of that type, or the image's id. */
    private static String mapNamed(String axis, InputTensorDescr input) {
        switch (axis) {
            case "channel":
                return idOf(input, ChannelAxis.class, axis);
            case "time":
                return idOf(input, TimeInputAxis.class, axis);
            case "z":
                List<String> others = otherSpaceAxes(input);
                return others.size() == 1 ? others.get(0) : axis;
            default:
                return axis;
        }
    }

    /** The model's space axes besides y and x. */
    private static List<String> otherSpaceAxes(InputTensorDescr input) {
        List<String> ids = new ArrayList<>();
        for (InputAxis a : input.axes()) {
            if (a instanceof SpaceInputAxis && !a.id().equals("y") && !a.id().equals("x")) {
                ids.add(a.id());
            }
        }
        return ids;
    }

    private static boolean takesPages(InputAxis axis, int pages, InputTensorDescr input) {
        if (axis instanceof BatchAxis) {
            Integer fixed = ((BatchAxis) axis).size();
            return fixed == null || fixed == pages;
        } else if (axis instanceof ChannelAxis) {
            return ((ChannelAxis) axis).channelNames().size() == pages;
        } else if (axis instanceof SpaceInputAxis
                && (axis.id().equals("y") || axis.id().equals("x"))) {
            return false;
        } else if (axis instanceof IndexInputAxis) {
            return false;
        }
        InputSize size = axis.inputSize();
        return !(size instanceof FixedSize) || ((FixedSize) size).value() == pages;
    }

    private static String example(Tensor image, InputTensorDescr input, List<InputAxis> fits) {
        StringBuilder sb = new StringBuilder();
        for (String a : image.axes()) {
            if (a.equals(PAGE_AXIS)) {
                InputAxis first = fits.isEmpty() ? null : fits.get(0);
                sb.append(first == null ? "z" : abbreviation(first));
            } else {
                sb.append(a.equals("channel") ? "c" : a.equals("time") ? "t" : a);
            }
        }
        String s = sb.toString();
        return s.chars().allMatch(Character::isLetter) && s.length() == image.ndim() ? " (for example " + s + ")" : "";
    }

    private static String abbreviation(InputAxis axis) {
        if (axis instanceof BatchAxis) {
            return "b";
        } else if (axis instanceof ChannelAxis) {
            return "c";
        } else if (axis instanceof TimeInputAxis) {
            return "t";
        }
        return axis.id().length() == 1 ? axis.id() : "z";
    }

    private static String ids(InputTensorDescr input) {
        return input.axes().stream().map(InputAxis::id).toList().toString();
    }
}
