package eu.riscale.modelhub.core.authoring;

/** How {@link Covers} puts the input and the output into one cover image. */
public enum CoverLayout {
    /** {@link #DIAGONAL} when the 2D views of input and output have the same shape, else {@link #SIDE_BY_SIDE}. */
    AUTO,
    /** Input in the lower-left triangle, output in the upper-right one, both filling the whole cover. */
    DIAGONAL,
    /** Input in the left half, output in the right half, each fitted into its half without cropping. */
    SIDE_BY_SIDE
}
