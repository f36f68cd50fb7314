package org.physlab.calabiyau.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.physlab.api.Artifact;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;

/**
 * The saved moduli network: a JSON {@link Artifact.FileArtifact} (media type application/json) of the form
 *
 * <pre>
 * {"format": "physlab.calabi-yau.hnet/1",
 *  "basis": {"kind": "full", "degree": 3, "size": 35},
 *  "features": "abs", "input": "abs(psi)", "activation": "sigmoid",
 *  "layers": [1, 100, 100, 1225],
 *  "parameters": [ ... ]}
 * </pre>
 *
 * {@code features} names the {@link PsiFeatures} the network takes ({@code abs}: |ψ|; {@code complex}:
 * Re ψ, Im ψ, |ψ|); an artifact without it (written before the option existed) takes |ψ|. {@code input} spells
 * the features out for a human reader. {@code layers} are the sizes from the input features to the N² Cholesky parameters of H (layout of
 * {@code CholeskyParametrisation}); sigmoid follows every layer but the last. {@code parameters} lists, layer
 * after layer, the kernel (fan_in × fan_out, row-major: y_j = Σ_i x_i W_ij + b_j) and then the bias, as in
 * {@link HNet}. Numbers are written with Java's shortest round-trip representation, so reading gives back
 * the network bit for bit.
 */
public final class HNetArtifact {
    /** The format tag. */
    public static final String FORMAT = "physlab.calabi-yau.hnet/1";
    private static final Pattern LAYERS = Pattern.compile("\"layers\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern FEATURES = Pattern.compile("\"features\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern PARAMETERS = Pattern.compile("\"parameters\"\\s*:\\s*\\[([^\\]]*)\\]");

    private HNetArtifact() { }

    /** A saved network with the ψ features it takes. */
    public record Saved(HNet net, PsiFeatures features) {
        /** The N² H-parameters at ψ. */
        public double[] output(Complex psi) {
            return net.output(features.of(psi));
        }
    }

    /** The artifact of a network of the tutorial's feature |ψ| for a basis. */
    public static Artifact.FileArtifact of(String name, String title, HNet net, MonomialBasis basis) {
        return of(name, title, net, PsiFeatures.ABS, basis);
    }

    /** The artifact of a network taking {@code features} of ψ, for a basis. */
    public static Artifact.FileArtifact of(String name, String title, HNet net, PsiFeatures features, MonomialBasis basis) {
        features.requireInputOf(net);
        int[] sizes = net.sizes();
        if (sizes[sizes.length - 1] != basis.size() * basis.size()) throw new IllegalArgumentException("the network does not fit " + basis);
        StringBuilder json = new StringBuilder(net.parameters().length * 22 + 256);
        json.append("{\"format\": \"").append(FORMAT).append("\",\n \"basis\": {\"kind\": \"")
                .append(basis.isReduced() ? "reduced" : "full").append("\", \"degree\": ").append(basis.degree())
                .append(", \"size\": ").append(basis.size()).append("},\n \"features\": \"").append(features.key())
                .append("\", \"input\": \"").append(features.description()).append("\", \"activation\": \"sigmoid\",\n \"layers\": [");
        for (int l = 0; l < sizes.length; l++) json.append(l == 0 ? "" : ", ").append(sizes[l]);
        json.append("],\n \"parameters\": [");
        double[] p = net.parameters();
        for (int i = 0; i < p.length; i++) json.append(i == 0 ? "" : ",").append(p[i]);
        json.append("]}\n");
        return new Artifact.FileArtifact(name, title, "application/json", name + ".json", json.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The network of an artifact of this format.
     *
     * @throws IllegalArgumentException if the artifact is not a network of this format
     */
    public static HNet read(Artifact artifact) {
        return load(artifact).net();
    }

    /**
     * The network of an artifact of this format with the ψ features it takes ({@code abs} when the artifact
     * does not say).
     *
     * @throws IllegalArgumentException if the artifact is not a network of this format, names unknown
     *                                  features, or its input size does not match them
     */
    public static Saved load(Artifact artifact) {
        if (!(artifact instanceof Artifact.FileArtifact file)) throw new IllegalArgumentException("'" + artifact.name() + "' is not a file artifact");
        String json = new String(file.content(), StandardCharsets.UTF_8);
        if (!json.contains("\"" + FORMAT + "\"")) throw new IllegalArgumentException("'" + artifact.name() + "' is not a " + FORMAT + " network");
        Matcher layers = LAYERS.matcher(json), parameters = PARAMETERS.matcher(json);
        if (!layers.find() || !parameters.find()) throw new IllegalArgumentException("'" + artifact.name() + "' lacks layers or parameters");
        try {
            int[] sizes = Arrays.stream(layers.group(1).split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            double[] values = Arrays.stream(parameters.group(1).split(",")).map(String::trim).mapToDouble(Double::parseDouble).toArray();
            Matcher named = FEATURES.matcher(json);
            PsiFeatures features = named.find() ? PsiFeatures.parse(named.group(1)) : PsiFeatures.ABS;
            HNet net = new HNet(sizes, values);
            features.requireInputOf(net);
            return new Saved(net, features);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + artifact.name() + "' has a malformed number: " + e.getMessage(), e);
        }
    }
}
