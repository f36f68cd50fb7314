package org.physlab.calabiyau.experiments;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.physlab.api.Artifact;
import org.physlab.api.Experiment;
import org.physlab.api.ExperimentDescriptor;
import org.physlab.api.Parameter;
import org.physlab.api.ParameterSchema;
import org.physlab.api.Parameters;
import org.physlab.api.RunContext;
import org.physlab.api.Summary;
import org.physlab.calabiyau.basis.MonomialBasis;
import org.physlab.calabiyau.complex.Complex;
import org.physlab.calabiyau.donaldson.BalancedMetricArtifact;
import org.physlab.calabiyau.net.HNet;
import org.physlab.calabiyau.net.HNetArtifact;
import java.util.function.Function;
import org.physlab.calabiyau.hermitian.CholeskyParametrisation;
import org.physlab.calabiyau.hermitian.HermitianMatrix;
import org.physlab.calabiyau.hermitian.InvariantHermitian;
import org.physlab.calabiyau.metric.AlgebraicMetric;
import org.physlab.calabiyau.metric.SigmaAccuracy;
import org.physlab.calabiyau.quintic.DworkQuintic;
import org.physlab.calabiyau.quintic.LineSampler;
import org.physlab.calabiyau.quintic.Sample;

/**
 * {@code calabi-yau.sigma}: the σ accuracy and the volume of an algebraic metric — H = identity, or an H
 * stored by another run — on the Dwork quintics at a list or grid of moduli ψ, with σ against |ψ|
 * (mean, min and max over the complex angles) as a chart.
 */
public final class SigmaExperiment implements Experiment {

    /** The id of this experiment. */
    public static final String ID = "calabi-yau.sigma";

    /** Prefix of an {@code h} value giving a symmetry-invariant H by its values per orbit type. */
    static final String ORBIT = "orbit:";

    @Override
    public ExperimentDescriptor descriptor() {
        return ExperimentDescriptor.builder(ID)
                .title("Sigma accuracy of an algebraic metric on the Dwork quintics")
                .description("Samples each Dwork quintic Q = sum z_i^5 - 5 psi prod z_i by intersecting it with random lines "
                        + "(exact Monte-Carlo weights) and measures how far the algebraic Kähler metric of H on degree-k "
                        + "monomial sections is from Ricci-flat: sigma = mean |1 - eta/<eta>| over the Omega volume. "
                        + "H is the identity, or the H artifact of another run (e.g. a balanced metric).")
                .reference("M. Gerdes, S. Krippendorf, CYJAX: A package for Calabi-Yau metrics with JAX, "
                        + "Mach. Learn.: Sci. Technol. 4 (2023) 025031", "https://arxiv.org/abs/2211.12520")
                .reference("M. R. Douglas, R. L. Karp, S. Lukic, R. Reinbacher, Numerical Calabi-Yau metrics, "
                        + "J. Math. Phys. 49 (2008) 032302", "https://arxiv.org/abs/hep-th/0612075")
                .reference("S. K. Donaldson, Some numerical results in complex differential geometry, "
                        + "Pure Appl. Math. Q. 5 (2009) 571", "https://arxiv.org/abs/math/0512625")
                .parameters(ParameterSchema.builder()
                        .add(Parameter.text("psi").defaultValue("1..100/5x10").minLength(1).check(PsiValues::problem)
                                .help("Complex moduli: one value (10+3i), a list (0,1,10+3i) or a polar grid R1..R2/NRxNA "
                                        + "(1..100/5x10: 5 radii from 1 to 100 at 10 angles each, the tutorial's grid).")
                                .group("Variety"))
                        .add(Parameter.integer("degree").defaultValue(3).range(1, 8)
                                .help("Degree k of the monomial sections (35 sections for k = 3).").group("Metric"))
                        .add(Parameter.choice("basis", "full", "reduced").defaultValue("full")
                                .help("Full monomial basis, or without the multiples of z0^5 (needed for balanced metrics at k >= 5).")
                                .group("Metric"))
                        .add(Parameter.text("h").defaultValue("")
                                .help("Empty for H = identity; runId/artifactName of an H artifact (one row of the N^2 real "
                                        + "Cholesky parameters of H = M M^dagger), or of a calabi-yau.moduli-net network (its 'hnet' artifact: H then "
                                        + "depends on |psi|, or on Re psi, Im psi, |psi| for a network trained with features=complex); or orbit:a,b,... for the symmetry-invariant "
                                        + "diagonal H with one value per monomial orbit type (k < 5; for k = 3 the types "
                                        + "z_i^3, z_i^2 z_j, z_i z_j z_l, e.g. orbit:1,0.896,0.952).").group("Metric"))
                        .add(Parameter.integer("points").defaultValue(500).range(1, 2_000_000)
                                .help("Sample points per psi (the tutorial uses 500).").group("Sampling"))
                        .build())
                .build();
    }

    @Override
    public Summary run(RunContext run) {
        Parameters p = run.parameters();
        List<Complex> psis = PsiValues.parse(p.getString("psi"));
        int degree = p.getInt("degree");
        MonomialBasis basis = "reduced".equals(p.getString("basis")) ? MonomialBasis.reduced(degree) : MonomialBasis.full(degree);
        String hRef = p.getString("h").strip();
        Function<Complex, HermitianMatrix> hAt = hRef.isEmpty() ? constant(HermitianMatrix.identity(basis.size()))
                : hRef.startsWith(ORBIT) ? constant(orbitH(hRef, basis)) : loadH(run, hRef, basis);
        int points = p.getInt("points");
        // one sample seed for every psi, as the tutorial's evaluation uses one key for the whole grid
        long sampleSeed = run.random("sample").nextLong();
        run.log().info("%s, H = %s, %d points per psi, %d values of psi", basis, hRef.isEmpty() ? "identity" : hRef,
                points, psis.size());

        // ψ values are independent: evaluate them in parallel, then report in order
        Sample[] samples = new Sample[psis.size()];
        SigmaAccuracy[] sigmas = new SigmaAccuracy[psis.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, psis.size()).parallel().forEach(i -> {
            run.checkCancelled();
            samples[i] = new LineSampler(new DworkQuintic(psis.get(i))).sample(points, sampleSeed);
            sigmas[i] = SigmaAccuracy.of(new AlgebraicMetric(basis, hAt.apply(psis.get(i))), samples[i]);
            int d = done.incrementAndGet();
            run.progress((double) d / psis.size(), "psi " + d + "/" + psis.size());
        });
        List<List<Object>> rows = new ArrayList<>();
        Map<Double, List<Double>> byRadius = new TreeMap<>();
        double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        int singular = 0, skipped = 0;
        for (int i = 0; i < psis.size(); i++) {
            Complex psi = psis.get(i);
            Sample sample = samples[i];
            SigmaAccuracy s = sigmas[i];
            singular += sample.singularPoints();
            skipped += s.skipped();
            run.metric("sigma", i, s.sigma());
            run.metric("volume", i, sample.volume());
            rows.add(List.of(psi.toString(), psi.abs(), psi.arg(), s.sigma(), sample.volume(), s.used(),
                    sample.singularPoints() + s.skipped()));
            byRadius.computeIfAbsent(round(psi.abs()), r -> new ArrayList<>()).add(s.sigma());
            sum += s.sigma();
            min = Math.min(min, s.sigma());
            max = Math.max(max, s.sigma());
        }
        if (singular + skipped > 0) {
            run.log().warn("skipped %d singular points (vanishing gradient of Q) and %d points with a non-finite eta",
                    singular, skipped);
        }
        run.artifact(new Artifact.Table("sigma-per-psi", "Sigma accuracy and volume per psi",
                List.of("psi", "|psi|", "arg psi", "sigma", "volume", "points used", "points skipped"), rows));
        run.artifact(sigmaVsAbsPsi(byRadius, basis, hRef));

        Summary.Builder summary = Summary.builder()
                .put("meanSigma", sum / psis.size()).put("minSigma", min).put("maxSigma", max)
                .put("skippedPoints", singular + skipped);
        if (psis.size() == 1) {
            summary.put("sigma", sum).put("volume", (Double) rows.get(0).get(4));
        }
        return summary.build();
    }

    private static Artifact.LineChart sigmaVsAbsPsi(Map<Double, List<Double>> byRadius, MonomialBasis basis, String hRef) {
        int n = byRadius.size();
        double[] r = new double[n], mean = new double[n], lo = new double[n], hi = new double[n];
        int i = 0;
        for (Map.Entry<Double, List<Double>> e : byRadius.entrySet()) {
            r[i] = e.getKey();
            lo[i] = Double.POSITIVE_INFINITY;
            hi[i] = Double.NEGATIVE_INFINITY;
            for (double s : e.getValue()) {
                mean[i] += s / e.getValue().size();
                lo[i] = Math.min(lo[i], s);
                hi[i] = Math.max(hi[i], s);
            }
            i++;
        }
        String title = String.format(Locale.ROOT, "Sigma vs |psi| (k = %d, H = %s): mean, min and max over arg psi",
                basis.degree(), hRef.isEmpty() ? "identity" : hRef);
        return new Artifact.LineChart("sigma-vs-abs-psi", title, "|psi|", "sigma", false, false,
                List.of(new Artifact.Series("mean", r, mean), new Artifact.Series("min", r, lo),
                        new Artifact.Series("max", r, hi)));
    }

    private static double round(double x) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.9g", x));
    }

    /** The invariant diagonal H of "orbit:a,b,…" (one positive value per orbit type of the basis). */
    static HermitianMatrix orbitH(String spec, MonomialBasis basis) {
        String[] parts = spec.substring(ORBIT.length()).split(",");
        double[] values = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("h = " + spec + ": '" + parts[i].strip() + "' is not a number", e);
            }
        }
        return InvariantHermitian.diagonalByOrbit(basis, values);
    }

    /**
     * H from "runId/artifactName": a matrix artifact holding the N^2 real Cholesky parameters of H = M M^†
     * (cyjax's layout, {@link CholeskyParametrisation}) in one row, as calabi-yau.donaldson stores it.
     */
    static Function<Complex, HermitianMatrix> loadH(RunContext run, String ref, MonomialBasis basis) {
        int slash = ref.indexOf('/');
        if (slash <= 0 || slash == ref.length() - 1) {
            throw new IllegalArgumentException("h must be runId/artifactName, got '" + ref + "'");
        }
        Artifact artifact = run.loadArtifact(ref.substring(0, slash), ref.substring(slash + 1));
        if (artifact instanceof Artifact.FileArtifact) {
            // a network of calabi-yau.moduli-net: H depends on ψ through the features the network was trained on
            HNetArtifact.Saved saved = HNetArtifact.load(artifact);
            HNet net = saved.net();
            int outputs = net.sizes()[net.sizes().length - 1];
            if (outputs != basis.size() * basis.size()) {
                throw new IllegalArgumentException("network '" + ref + "' outputs " + outputs + " H parameters but the " + basis
                        + " needs " + basis.size() * basis.size());
            }
            return psi -> CholeskyParametrisation.decode(saved.output(psi));
        }
        // one reader for the H format, shared with calabi-yau.donaldson which writes it
        return constant(BalancedMetricArtifact.read(artifact, basis));
    }

    private static Function<Complex, HermitianMatrix> constant(HermitianMatrix h) {
        return psi -> h;
    }
}
