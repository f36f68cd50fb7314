package org.physlab.oscillator.nets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.physlab.api.Artifact;

/**
 * A trained network with its {@link ModelCard}, stored as one run artifact: a zip holding
 * {@value #CARD_ENTRY} (the card) and {@value #NETWORK_ENTRY} (DL4J's ModelSerializer file).
 */
public record TrainedModel(ParameterNetwork network, ModelCard card) {
    public static final String CARD_ENTRY = "oscillator-model.properties";
    public static final String NETWORK_ENTRY = "network.zip";
    /** The artifact name the training experiments use. */
    public static final String ARTIFACT_NAME = "model";

    /** The model as a file artifact named {@value #ARTIFACT_NAME}. */
    public Artifact.FileArtifact toArtifact(String title, String fileName) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(CARD_ENTRY));
            zip.write(card.toText().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(NETWORK_ENTRY));
            zip.write(network.toBytes());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Artifact.FileArtifact(ARTIFACT_NAME, title, "application/zip", fileName, bytes.toByteArray());
    }

    /**
     * Reads a model written by {@link #toArtifact}.
     *
     * @throws IllegalArgumentException if the artifact is not such a model
     */
    public static TrainedModel fromArtifact(Artifact artifact) {
        if (!(artifact instanceof Artifact.FileArtifact file)) {
            throw new IllegalArgumentException("artifact '" + artifact.name() + "' is a " + artifact.kind()
                    + " artifact, not a trained model file");
        }
        String cardText = null;
        byte[] networkBytes = null;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(file.content()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (CARD_ENTRY.equals(e.getName())) cardText = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                else if (NETWORK_ENTRY.equals(e.getName())) networkBytes = zip.readAllBytes();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("artifact '" + artifact.name() + "' is not a readable model zip: " + e.getMessage(), e);
        }
        if (cardText == null || networkBytes == null) {
            throw new IllegalArgumentException("artifact '" + artifact.name() + "' is not an oscillator model (it lacks "
                    + (cardText == null ? CARD_ENTRY : NETWORK_ENTRY) + ")");
        }
        ModelCard card = ModelCard.parse(cardText);
        int[] shape = card.integers("input.shape");
        return new TrainedModel(ParameterNetwork.fromBytes(networkBytes, shape), card);
    }
}
