package org.physlab.web.artifacts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * Paints a grid of values as a PNG, one pixel per cell, coloured by a {@link ColorScale}. Row 0 is the
 * bottom of the image (the lowest y), as in {@link org.physlab.api.Artifact.Heatmap}; the browser scales
 * the picture up without smoothing ({@code image-rendering: pixelated}), so cells stay sharp.
 */
public final class HeatmapImage {
    private HeatmapImage() { }

    /** The PNG of {@code values[row][column]}; missing values are light grey. */
    public static byte[] png(double[][] values, ColorScale scale) {
        BufferedImage image = image(values, scale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a PNG in memory failed", e);
        }
        return out.toByteArray();
    }

    /** The image itself: width = columns, height = rows, row 0 at the bottom. */
    public static BufferedImage image(double[][] values, ColorScale scale) {
        int rows = values.length;
        int columns = rows == 0 ? 0 : values[0].length;
        if (rows == 0 || columns == 0) throw new IllegalArgumentException("a heatmap needs at least one row and one column");
        BufferedImage image = new BufferedImage(columns, rows, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < rows; r++) {
            if (values[r].length != columns) throw new IllegalArgumentException("heatmap row " + r + " has " + values[r].length + " values, expected " + columns);
            for (int c = 0; c < columns; c++) {
                int rgb = scale == null ? ColorMap.MISSING : scale.rgb(values[r][c]);
                image.setRGB(c, rows - 1 - r, rgb);
            }
        }
        return image;
    }
}
