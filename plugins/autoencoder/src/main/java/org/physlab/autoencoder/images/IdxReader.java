package org.physlab.autoencoder.images;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX format of LeCun's MNIST files: a big-endian header (magic 2051 = unsigned bytes in 3
 * dimensions for images, 2049 = unsigned bytes in 1 dimension for labels; then the count, and rows and
 * columns for images) followed by the bytes. Gzip-compressed files (Fashion-MNIST's *.gz) are recognised by
 * their first two bytes. Errors name the file and what is wrong with it.
 */
public final class IdxReader {
    public static final int IMAGES_MAGIC = 2051;
    public static final int LABELS_MAGIC = 2049;

    private IdxReader() { }

    /** Grey images, row-major bytes: image i, row r, column c at (i * rows + r) * columns + c. */
    public record Images(String source, int count, int rows, int columns, byte[] pixels) {
        /** Image i scaled to [0, 1] (byte / 255). */
        public float[] image(int i) {
            int size = rows * columns;
            float[] out = new float[size];
            for (int k = 0; k < size; k++) out[k] = (pixels[i * size + k] & 0xFF) / 255f;
            return out;
        }
    }

    /** Reads at most {@code limit} images of an IDX image file (gzip or not). */
    public static Images readImages(Path file, int limit) {
        try (InputStream in = open(file)) {
            return readImages(in, file.toString(), limit);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** Reads at most {@code limit} labels (0..255) of an IDX label file (gzip or not). */
    public static int[] readLabels(Path file, int limit) {
        try (InputStream in = open(file)) {
            return readLabels(in, file.toString(), limit);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** @param source names the stream in error messages */
    public static Images readImages(InputStream stream, String source, int limit) throws IOException {
        DataInputStream in = new DataInputStream(maybeGunzip(stream));
        int magic = header(in, source, IMAGES_MAGIC, "an IDX image file (unsigned bytes, 3 dimensions)");
        int count = in.readInt();
        int rows = in.readInt();
        int columns = in.readInt();
        if (count < 0 || rows < 1 || columns < 1) {
            throw new IllegalArgumentException(source + ": impossible IDX image header: " + count + " images of " + rows + " x " + columns);
        }
        int n = Math.min(count, Math.max(limit, 0));
        byte[] pixels = new byte[Math.multiplyExact(Math.multiplyExact(n, rows), columns)];
        int read = in.readNBytes(pixels, 0, pixels.length);
        if (read < pixels.length) {
            throw new IllegalArgumentException(source + ": truncated: the header announces " + count + " images of " + rows + " x "
                    + columns + " but the file ends after " + read / (rows * columns) + " whole images (" + (16 + read) + " bytes)");
        }
        assert magic == IMAGES_MAGIC;
        return new Images(source, n, rows, columns, pixels);
    }

    /** @param source names the stream in error messages */
    public static int[] readLabels(InputStream stream, String source, int limit) throws IOException {
        DataInputStream in = new DataInputStream(maybeGunzip(stream));
        header(in, source, LABELS_MAGIC, "an IDX label file (unsigned bytes, 1 dimension)");
        int count = in.readInt();
        if (count < 0) throw new IllegalArgumentException(source + ": impossible IDX label count " + count);
        int n = Math.min(count, Math.max(limit, 0));
        byte[] bytes = new byte[n];
        int read = in.readNBytes(bytes, 0, n);
        if (read < n) {
            throw new IllegalArgumentException(source + ": truncated: the header announces " + count + " labels but the file ends after " + read);
        }
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = bytes[i] & 0xFF;
        return labels;
    }

    private static int header(DataInputStream in, String source, int expected, String what) throws IOException {
        int magic;
        try {
            magic = in.readInt();
            if (magic != expected) {
                throw new IllegalArgumentException(String.format("%s: bad magic number %d (0x%08X): %s starts with %d (0x%08X)%s",
                        source, magic, magic, what, expected, expected,
                        magic == (expected == IMAGES_MAGIC ? LABELS_MAGIC : IMAGES_MAGIC) ? "; images and labels swapped?" : ""));
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(source + ": truncated: shorter than the IDX header", e);
        }
        return magic;
    }

    private static InputStream open(Path file) throws IOException {
        try {
            return Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        }
    }

    private static InputStream maybeGunzip(InputStream stream) throws IOException {
        BufferedInputStream in = new BufferedInputStream(stream, 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16) : in;
    }
}
