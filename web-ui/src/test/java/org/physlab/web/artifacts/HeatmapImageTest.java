package org.physlab.web.artifacts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class HeatmapImageTest {

    @Test
    void onePixelPerCellWithTheFirstRowAtTheBottom() throws Exception {
        double[][] values = {{0, 1, 2}, {3, 4, 5}};
        ColorScale scale = ColorScale.of(values);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(HeatmapImage.png(values, scale)));
        assertEquals(3, image.getWidth());
        assertEquals(2, image.getHeight());
        assertEquals(ColorMap.VIRIDIS.rgb(0), image.getRGB(0, 1) & 0xffffff, "row 0, column 0 is bottom left");
        assertEquals(ColorMap.VIRIDIS.rgb(1), image.getRGB(2, 0) & 0xffffff, "the last row's last column is top right");
        assertEquals(scale.rgb(4), image.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void missingValuesAreGrey() {
        double[][] values = {{1, Double.NaN}};
        BufferedImage image = HeatmapImage.image(values, ColorScale.of(values));
        assertEquals(ColorMap.MISSING, image.getRGB(1, 0) & 0xffffff);
    }

    @Test
    void emptyOrRaggedGridsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HeatmapImage.png(new double[0][], null));
        assertThrows(IllegalArgumentException.class, () -> HeatmapImage.png(new double[][] {{1, 2}, {3}}, null));
    }
}
