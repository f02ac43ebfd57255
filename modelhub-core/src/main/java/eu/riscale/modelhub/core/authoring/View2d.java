package eu.riscale.modelhub.core.authoring;

import eu.riscale.modelhub.core.tensor.Tensor;
import eu.riscale.modelhub.spec.axis.Axis;
import eu.riscale.modelhub.spec.axis.AxisType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A 2D view of a tensor, as three planes (red, green, blue) of floats in [0, 1]: the middle of every axis that is not
 * shown, the first three channels of the first channel axis, and a percentile contrast stretch per channel.
 */
final class View2d {
    final int height;
    final int width;
    /** [3][height * width], values in [0, 1]. */
    final float[][] rgb;

    private View2d(int height, int width, float[][] rgb) {
        this.height = height;
        this.width = width;
        this.rgb = rgb;
    }

    /**
     * Makes the view.
     *
     * @param where the tensor's place in the description, for messages, such as {@code inputs[0].test_tensor}
     */
    static View2d of(Tensor t, List<? extends Axis> axes, String where, double lowerPct, double upperPct) {
        int[] shape = t.shape();
        if (shape.length != axes.size()) {
            throw new IllegalArgumentException(where + ": found " + shape.length + " dimensions (shape "
                    + Arrays.toString(shape) + "), expected " + axes.size() + " for the described axes "
                    + ids(axes));
        }
        int rows = -1;
        int cols = -1;
        List<Integer> spatial = new ArrayList<>();
        int channel = -1;
        for (int d = 0; d < shape.length; d++) {
            Axis a = axes.get(d);
            if (a.type() == AxisType.CHANNEL) {
                if (channel < 0 && shape[d] > 1) {
                    channel = d;
                }
            } else if (a.type() == AxisType.SPACE && shape[d] > 1) {
                spatial.add(d);
                if (a.id().equals("y")) {
                    rows = d;
                } else if (a.id().equals("x")) {
                    cols = d;
                }
            }
        }
        if (rows < 0 || cols < 0) {
            if (spatial.size() < 2) {
                // no two space axes: show the last two non-channel axes with more than one element (time, index)
                spatial.clear();
                for (int d = 0; d < shape.length; d++) {
                    if (d != channel && shape[d] > 1 && axes.get(d).type() != AxisType.BATCH) {
                        spatial.add(d);
                    }
                }
            }
            if (spatial.size() < 2) {
                throw new IllegalArgumentException(where + ": cannot make a 2D view of shape " + Arrays.toString(shape)
                        + " with axes " + ids(axes) + "; expected two space axes with more than one element");
            }
            rows = spatial.get(spatial.size() - 2);
            cols = spatial.get(spatial.size() - 1);
        }
        // only the shown plane is read (a 3D or time-lapse tensor is never copied whole)
        int[] index = new int[shape.length];
        for (int d = 0; d < shape.length; d++) {
            if (d != rows && d != cols && d != channel) {
                index[d] = shape[d] / 2; // the middle slice of z, time, batch, index
            }
        }
        int h = shape[rows];
        int w = shape[cols];
        int nc = channel < 0 ? 1 : Math.min(3, shape[channel]);
        float[][] planes = new float[nc][h * w];
        for (int c = 0; c < nc; c++) {
            if (channel >= 0) {
                index[channel] = c;
            }
            double[] plane = new double[h * w];
            for (int y = 0; y < h; y++) {
                index[rows] = y;
                for (int x = 0; x < w; x++) {
                    index[cols] = x;
                    plane[y * w + x] = t.getDouble(index);
                }
            }
            stretch(plane, lowerPct, upperPct, planes[c]);
        }
        float[][] rgb;
        if (nc == 1) {
            rgb = new float[][] {planes[0], planes[0], planes[0]};
        } else if (nc == 2) {
            rgb = new float[][] {planes[0], planes[1], planes[0]}; // magenta and green
        } else {
            rgb = planes;
        }
        return new View2d(h, w, rgb);
    }

    /** Maps the lower percentile to 0 and the upper one to 1, clipping; NaN becomes 0. */
    static void stretch(double[] plane, double lowerPct, double upperPct, float[] out) {
        double[] finite = Arrays.stream(plane).filter(Double::isFinite).sorted().toArray();
        if (finite.length == 0) {
            return;
        }
        double lo = percentile(finite, lowerPct);
        double hi = percentile(finite, upperPct);
        if (!(hi > lo)) {
            // (almost) constant: keep the extremes apart if there are any, else show mid gray for non-zero data
            lo = finite[0];
            hi = finite[finite.length - 1];
        }
        for (int i = 0; i < plane.length; i++) {
            double v = plane[i];
            float f;
            if (v != v) {
                f = 0f;
            } else if (hi > lo) {
                f = (float) Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
            } else {
                f = lo == 0 ? 0f : 0.5f;
            }
            out[i] = f;
        }
    }

    /** The q-th percentile of sorted values with linear interpolation (numpy's default method). */
    static double percentile(double[] sorted, double q) {
        double pos = (sorted.length - 1) * q / 100.0;
        int i = (int) Math.floor(pos);
        if (i >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double g = pos - i;
        return sorted[i] + (sorted[i + 1] - sorted[i]) * g;
    }

    /** The value of channel {@code c} at a fractional position, by box averaging when shrinking, else bilinear. */
    float sample(int c, double y0, double x0, double y1, double x1) {
        float[] p = rgb[c];
        if (y1 - y0 > 1 || x1 - x0 > 1) {
            int ya = clamp((int) Math.floor(y0), height);
            int yb = Math.max(ya + 1, Math.min(height, (int) Math.ceil(y1)));
            int xa = clamp((int) Math.floor(x0), width);
            int xb = Math.max(xa + 1, Math.min(width, (int) Math.ceil(x1)));
            double sum = 0;
            for (int y = ya; y < yb; y++) {
                for (int x = xa; x < xb; x++) {
                    sum += p[y * width + x];
                }
            }
            return (float) (sum / ((yb - ya) * (xb - xa)));
        }
        double y = (y0 + y1) / 2 - 0.5;
        double x = (x0 + x1) / 2 - 0.5;
        int ya = clamp((int) Math.floor(y), height);
        int xa = clamp((int) Math.floor(x), width);
        int yb = clamp(ya + 1, height);
        int xb = clamp(xa + 1, width);
        double gy = Math.max(0, Math.min(1, y - ya));
        double gx = Math.max(0, Math.min(1, x - xa));
        double top = p[ya * width + xa] * (1 - gx) + p[ya * width + xb] * gx;
        double bottom = p[yb * width + xa] * (1 - gx) + p[yb * width + xb] * gx;
        return (float) (top * (1 - gy) + bottom * gy);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    private static List<String> ids(List<? extends Axis> axes) {
        List<String> out = new ArrayList<>();
        for (Axis a : axes) {
            out.add(a.id());
        }
        return out;
    }
}
