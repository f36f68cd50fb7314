package org.physlab.autoencoder.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** An IDX image file announcing {@code announced} images of 2 x 3 but holding {@code present}; pixel = 10 i + k. */
    private Path images(String name, int magic, int announced, int present, boolean gzip) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(magic);
        out.writeInt(announced);
        out.writeInt(2);
        out.writeInt(3);
        for (int i = 0; i < present; i++) for (int k = 0; k < 6; k++) out.writeByte(10 * i + k);
        return write(name, bytes.toByteArray(), gzip);
    }

    private Path labels(String name, int announced, int present) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(IdxReader.LABELS_MAGIC);
        out.writeInt(announced);
        for (int i = 0; i < present; i++) out.writeByte(i % 3);
        return write(name, bytes.toByteArray(), false);
    }

    private Path write(String name, byte[] content, boolean gzip) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(p)) : Files.newOutputStream(p)) {
            out.write(content);
        }
        return p;
    }

    @Test
    void readsImagesBigEndianRowMajorAndScaledTo01PlainOrGzipped() throws IOException {
        for (boolean gzip : new boolean[] {false, true}) {
            IdxReader.Images im = IdxReader.readImages(images("a" + gzip, IdxReader.IMAGES_MAGIC, 4, 4, gzip), 3);
            assertEquals(3, im.count());
            assertEquals(2, im.rows());
            assertEquals(3, im.columns());
            assertArrayEquals(new float[] {20 / 255f, 21 / 255f, 22 / 255f, 23 / 255f, 24 / 255f, 25 / 255f}, im.image(2));
        }
        assertArrayEquals(new int[] {0, 1, 2, 0}, IdxReader.readLabels(labels("l", 4, 4), 10));
    }

    @Test
    void aBadMagicNumberNamesTheFileAndTheExpectedMagic() throws IOException {
        Path swapped = labels("swapped", 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(swapped, 10));
        assertTrue(e.getMessage().contains(swapped.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("bad magic number 2049") && e.getMessage().contains("starts with 2051"), e.getMessage());
        assertTrue(e.getMessage().contains("images and labels swapped?"), e.getMessage());
        Path text = write("text", "hello, not an IDX file".getBytes(), false);
        e = assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(text, 10));
        assertTrue(e.getMessage().contains("bad magic number"), e.getMessage());
    }

    @Test
    void aTruncatedFileSaysHowManyImagesItHolds() throws IOException {
        Path p = images("short", IdxReader.IMAGES_MAGIC, 10, 3, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(p, 100));
        assertTrue(e.getMessage().contains("truncated: the header announces 10 images of 2 x 3 but the file ends after 3 whole images"),
                e.getMessage());
        assertEquals(3, IdxReader.readImages(p, 3).count(), "reading only the first 3 is fine");
        Path tiny = write("tiny", new byte[] {0, 0, 8}, false);
        e = assertThrows(IllegalArgumentException.class, () -> IdxReader.readImages(tiny, 1));
        assertTrue(e.getMessage().contains("shorter than the IDX header"), e.getMessage());
        Path shortLabels = labels("short-labels", 9, 4);
        e = assertThrows(IllegalArgumentException.class, () -> IdxReader.readLabels(shortLabels, 9));
        assertTrue(e.getMessage().contains("announces 9 labels but the file ends after 4"), e.getMessage());
    }

    @Test
    void imagesAndLabelsMustAgreeInCount() throws IOException {
        Path im = images("im", IdxReader.IMAGES_MAGIC, 5, 5, false);
        Path lb = labels("lb", 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageDatasets.pair("mine", im, lb, 2));
        assertTrue(e.getMessage().contains("count mismatch: " + im + " holds 5 images but " + lb + " holds 4 labels"), e.getMessage());
        ImageDatasets.Split split = ImageDatasets.idx(im, labels("lb5", 5, 5), 3, 10);
        assertEquals(3, split.train().size());
        assertEquals(2, split.test().size());
        assertEquals(1, split.test().labels()[1]);   // image 4, label 4 % 3
        e = assertThrows(IllegalArgumentException.class, () -> ImageDatasets.idx(dir.resolve("nothing"), lb, 3, 1));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }
}
