package org.physlab.vertexmesh.sensitivity;

import org.physlab.vertexmesh.mesh.HalfEdgeMesh;

/**
 * The tutorial energy with a weighted area term, compiled to flat index arrays for the inner loops of
 * differentiated relaxations: E(V; ℓ₀, w) = (1/H)·Σ_h (ℓ_h/ℓ₀ − 1)² + w·(1/F)·Σ_f (A_f/a₀ − 1)² with
 * a₀ = (√3/4)·ℓ₀² (spec §5; w = 1 is {@code TutorialEnergy}).
 *
 * <p>Every half-edge has a twin of the same length, so the half-edge mean equals the mean over the
 * E = H/2 undirected edges; the kernels loop over edges and faces once. They are fused for speed: one
 * pass gives the gradient together with a tangent (forward mode, spec §8.1), or a Hessian-vector product
 * together with the parameter derivatives (the adjoint, §8.2). Nothing is allocated: callers pass the
 * output arrays, vertices are interleaved {@code x0, y0, x1, y1, …}. Instances are immutable and may be
 * shared between threads.
 */
public final class EnergyKernel {
    private static final double SQRT3_4 = Math.sqrt(3) / 4;

    private final int vertexCount;
    /** Per edge e: 2·p at 2e and 2·q at 2e+1 (coordinate offsets of its endpoints). */
    private final int[] edges;
    /** Per face f: 2·a, 2·b, 2·c at 3f.. (coordinate offsets of its corners, counter-clockwise). */
    private final int[] faces;
    private final int edgeCount;
    private final int faceCount;

    /** Compiles the energy for one mesh connectivity. */
    public EnergyKernel(HalfEdgeMesh topology) {
        this.vertexCount = topology.vertexCount();
        int halfEdges = topology.halfEdgeCount();
        this.edgeCount = halfEdges / 2;
        this.edges = new int[2 * edgeCount];
        int e = 0;
        for (int h = 0; h < halfEdges; h++) {
            int p = topology.origin(h);
            int q = topology.destination(h);
            if (p < q) {
                edges[2 * e] = 2 * p;
                edges[2 * e + 1] = 2 * q;
                e++;
            }
        }
        if (e != edgeCount) {
            throw new IllegalArgumentException("expected " + edgeCount + " undirected edges (half of " + halfEdges
                    + " half-edges), found " + e);
        }
        int[] tri = topology.faces();
        this.faceCount = tri.length / 3;
        this.faces = new int[tri.length];
        for (int i = 0; i < tri.length; i++) faces[i] = 2 * tri[i];
    }

    public int vertexCount() {
        return vertexCount;
    }

    /** Length of a vertex array ({@code 2·N_V}). */
    public int coordinateCount() {
        return 2 * vertexCount;
    }

    public int edgeCount() {
        return edgeCount;
    }

    public int faceCount() {
        return faceCount;
    }

    /** E(V; ℓ₀, w). */
    public double energy(double[] v, EnergyParameters parameters) {
        double ell0 = parameters.ell0();
        double a0 = SQRT3_4 * ell0 * ell0;
        double edgeSum = 0;
        for (int e = 0; e < edgeCount; e++) {
            int p = edges[2 * e];
            int q = edges[2 * e + 1];
            double dx = v[p] - v[q];
            double dy = v[p + 1] - v[q + 1];
            double r = Math.sqrt(dx * dx + dy * dy) / ell0 - 1;
            edgeSum += r * r;
        }
        double areaSum = 0;
        for (int f = 0; f < faceCount; f++) {
            int a = faces[3 * f];
            int b = faces[3 * f + 1];
            int c = faces[3 * f + 2];
            double area = 0.5 * ((v[b] - v[a]) * (v[c + 1] - v[a + 1]) - (v[b + 1] - v[a + 1]) * (v[c] - v[a]));
            double r = area / a0 - 1;
            areaSum += r * r;
        }
        return edgeSum / edgeCount + parameters.areaWeight() * areaSum / faceCount;
    }

    /**
     * {@code g} = ∇_V E(V; ℓ₀, w), overwritten. The operations are those of the gradient part of
     * {@link #gradientAndTangent}, so plain and differentiated relaxations follow bit-identical trajectories.
     */
    public void gradient(double[] v, EnergyParameters parameters, double[] g) {
        java.util.Arrays.fill(g, 0, 2 * vertexCount, 0.0);
        double ell0 = parameters.ell0();
        double inv1 = 1 / ell0;
        double inv2 = inv1 * inv1;
        double edgeScale = 2.0 / edgeCount;
        double k1 = edgeScale * inv1;
        double k2 = edgeScale * inv2;
        for (int e = 0; e < edgeCount; e++) {
            int p = edges[2 * e];
            int q = edges[2 * e + 1];
            double dx = v[p] - v[q];
            double dy = v[p + 1] - v[q + 1];
            double l = Math.sqrt(dx * dx + dy * dy);
            double il = 1 / l;
            // c = (2/E)(ℓ/ℓ₀ − 1)/ℓ₀ along the unit vector u = d/ℓ, with opposite signs at the two ends
            double cOverL = (l * k2 - k1) * il;
            double gx = cOverL * dx;
            double gy = cOverL * dy;
            g[p] += gx;
            g[p + 1] += gy;
            g[q] -= gx;
            g[q + 1] -= gy;
        }
        double a0 = SQRT3_4 * ell0 * ell0;
        double ia0 = 1 / a0;
        double weight = parameters.areaWeight();
        double faceScale = 2.0 / faceCount;
        for (int f = 0; f < faceCount; f++) {
            int a = faces[3 * f];
            int b = faces[3 * f + 1];
            int c = faces[3 * f + 2];
            double ax = v[a], ay = v[a + 1], bx = v[b], by = v[b + 1], cx = v[c], cy = v[c + 1];
            double area = 0.5 * ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
            // k = w(2/F)(A/a₀ − 1)/a₀ times ∂A/∂a = ½J(b − c) with J(x, y) = (y, −x), cyclically
            double k = weight * faceScale * (area * ia0 - 1) * ia0;
            g[a] += k * (0.5 * (by - cy));
            g[a + 1] += k * (-0.5 * (bx - cx));
            g[b] += k * (0.5 * (cy - ay));
            g[b + 1] += k * (-0.5 * (cx - ax));
            g[c] += k * (0.5 * (ay - by));
            g[c + 1] += k * (-0.5 * (ax - bx));
        }
    }

    /**
     * One fused pass for forward-mode sensitivities: {@code g} = ∇_V E and
     * {@code t} = H(V)·S + dℓ₀·∂ℓ₀∇E + dw·∂_w∇E (the derivative of the gradient along (S, dℓ₀, dw),
     * spec §5.2), both overwritten.
     */
    public void gradientAndTangent(double[] v, EnergyParameters parameters, double[] s, double dEll0, double dWeight,
                                   double[] g, double[] t) {
        java.util.Arrays.fill(g, 0, 2 * vertexCount, 0.0);
        java.util.Arrays.fill(t, 0, 2 * vertexCount, 0.0);
        double ell0 = parameters.ell0();
        double inv1 = 1 / ell0;
        double inv2 = inv1 * inv1;
        double inv3 = inv2 * inv1;
        double edgeScale = 2.0 / edgeCount;
        double k1 = edgeScale * inv1;
        double k2 = edgeScale * inv2;
        // ∂c/∂ℓ₀·dℓ₀ = (2/E)(1/ℓ₀² − 2ℓ/ℓ₀³)·dℓ₀ = kl0 − kl1·ℓ
        double kl0 = edgeScale * inv2 * dEll0;
        double kl1 = edgeScale * 2 * inv3 * dEll0;
        for (int e = 0; e < edgeCount; e++) {
            int p = edges[2 * e];
            int q = edges[2 * e + 1];
            double dx = v[p] - v[q];
            double dy = v[p + 1] - v[q + 1];
            double l = Math.sqrt(dx * dx + dy * dy);
            double il = 1 / l;
            double cOverL = (l * k2 - k1) * il;
            double sx = s[p] - s[q];
            double sy = s[p + 1] - s[q + 1];
            // δℓ = u·δd, δc = (2/E)δℓ/ℓ₀² + ∂ℓ₀c·dℓ₀; δ(c·u) = δc·u + c·(δd − u·δℓ)/ℓ
            double dl = (dx * sx + dy * sy) * il;
            double dc = k2 * dl + kl0 - kl1 * l;
            double alpha = (dc - cOverL * dl) * il;
            double gx = cOverL * dx;
            double gy = cOverL * dy;
            double tx = alpha * dx + cOverL * sx;
            double ty = alpha * dy + cOverL * sy;
            g[p] += gx;
            g[p + 1] += gy;
            g[q] -= gx;
            g[q + 1] -= gy;
            t[p] += tx;
            t[p + 1] += ty;
            t[q] -= tx;
            t[q + 1] -= ty;
        }
        double a0 = SQRT3_4 * ell0 * ell0;
        double da0 = 2 * SQRT3_4 * ell0 * dEll0;
        double ia0 = 1 / a0;
        double weight = parameters.areaWeight();
        double faceScale = 2.0 / faceCount;
        for (int f = 0; f < faceCount; f++) {
            int a = faces[3 * f];
            int b = faces[3 * f + 1];
            int c = faces[3 * f + 2];
            double ax = v[a], ay = v[a + 1], bx = v[b], by = v[b + 1], cx = v[c], cy = v[c + 1];
            // ½J(b − c), ½J(c − a), ½J(a − b): the area's gradient at a, b and c
            double gax = 0.5 * (by - cy), gay = -0.5 * (bx - cx);
            double gbx = 0.5 * (cy - ay), gby = -0.5 * (cx - ax);
            double gcx = 0.5 * (ay - by), gcy = -0.5 * (ax - bx);
            double area = 0.5 * ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
            double sax = s[a], say = s[a + 1], sbx = s[b], sby = s[b + 1], scx = s[c], scy = s[c + 1];
            double dArea = gax * sax + gay * say + gbx * sbx + gby * sby + gcx * scx + gcy * scy;
            double ratio = area * ia0 - 1;
            double k = weight * faceScale * ratio * ia0;
            double dk = weight * faceScale * (dArea * ia0 * ia0 + da0 * (ia0 * ia0 - 2 * area * ia0 * ia0 * ia0))
                    + dWeight * faceScale * ratio * ia0;
            double hk = 0.5 * k;
            g[a] += k * gax;
            g[a + 1] += k * gay;
            g[b] += k * gbx;
            g[b + 1] += k * gby;
            g[c] += k * gcx;
            g[c + 1] += k * gcy;
            t[a] += dk * gax + hk * (sby - scy);
            t[a + 1] += dk * gay - hk * (sbx - scx);
            t[b] += dk * gbx + hk * (scy - say);
            t[b + 1] += dk * gby - hk * (scx - sax);
            t[c] += dk * gcx + hk * (say - sby);
            t[c + 1] += dk * gcy - hk * (sax - sbx);
        }
    }

    /**
     * One fused pass for the discrete adjoint: {@code hl} = H(V)·λ (overwritten; the Hessian is symmetric,
     * so this is also Hᵀλ), and {@code parameterDots[ELL0.ordinal()]} = ⟨λ, ∂ℓ₀∇E⟩,
     * {@code parameterDots[AREA_WEIGHT.ordinal()]} = ⟨λ, ∂_w∇E⟩ (overwritten).
     */
    public void adjointProduct(double[] v, EnergyParameters parameters, double[] lambda, double[] hl,
                               double[] parameterDots) {
        java.util.Arrays.fill(hl, 0, 2 * vertexCount, 0.0);
        double ell0 = parameters.ell0();
        double inv1 = 1 / ell0;
        double inv2 = inv1 * inv1;
        double inv3 = inv2 * inv1;
        double edgeScale = 2.0 / edgeCount;
        double k1 = edgeScale * inv1;
        double k2 = edgeScale * inv2;
        double kl1 = edgeScale * 2 * inv3;
        double dotEll0 = 0;
        for (int e = 0; e < edgeCount; e++) {
            int p = edges[2 * e];
            int q = edges[2 * e + 1];
            double dx = v[p] - v[q];
            double dy = v[p + 1] - v[q + 1];
            double l = Math.sqrt(dx * dx + dy * dy);
            double il = 1 / l;
            double cOverL = (l * k2 - k1) * il;
            double sx = lambda[p] - lambda[q];
            double sy = lambda[p + 1] - lambda[q + 1];
            double dl = (dx * sx + dy * sy) * il;
            // ⟨λ, ∂ℓ₀(c·(±u))⟩ = ∂ℓ₀c · u·(λ_p − λ_q)
            dotEll0 += (k2 - kl1 * l) * dl;
            double alpha = (k2 * dl - cOverL * dl) * il;
            double tx = alpha * dx + cOverL * sx;
            double ty = alpha * dy + cOverL * sy;
            hl[p] += tx;
            hl[p + 1] += ty;
            hl[q] -= tx;
            hl[q + 1] -= ty;
        }
        double a0 = SQRT3_4 * ell0 * ell0;
        double da0 = 2 * SQRT3_4 * ell0;
        double ia0 = 1 / a0;
        double weight = parameters.areaWeight();
        double faceScale = 2.0 / faceCount;
        double dotWeight = 0;
        for (int f = 0; f < faceCount; f++) {
            int a = faces[3 * f];
            int b = faces[3 * f + 1];
            int c = faces[3 * f + 2];
            double ax = v[a], ay = v[a + 1], bx = v[b], by = v[b + 1], cx = v[c], cy = v[c + 1];
            double gax = 0.5 * (by - cy), gay = -0.5 * (bx - cx);
            double gbx = 0.5 * (cy - ay), gby = -0.5 * (cx - ax);
            double gcx = 0.5 * (ay - by), gcy = -0.5 * (ax - bx);
            double area = 0.5 * ((bx - ax) * (cy - ay) - (by - ay) * (cx - ax));
            double sax = lambda[a], say = lambda[a + 1], sbx = lambda[b], sby = lambda[b + 1];
            double scx = lambda[c], scy = lambda[c + 1];
            double dArea = gax * sax + gay * say + gbx * sbx + gby * sby + gcx * scx + gcy * scy;
            double ratio = area * ia0 - 1;
            double k = weight * faceScale * ratio * ia0;
            double dk = weight * faceScale * dArea * ia0 * ia0;
            // ⟨λ, ∂θ(k·∇A)⟩ = ∂θk · δA(λ)
            dotEll0 += weight * faceScale * da0 * (ia0 * ia0 - 2 * area * ia0 * ia0 * ia0) * dArea;
            dotWeight += faceScale * ratio * ia0 * dArea;
            double hk = 0.5 * k;
            hl[a] += dk * gax + hk * (sby - scy);
            hl[a + 1] += dk * gay - hk * (sbx - scx);
            hl[b] += dk * gbx + hk * (scy - say);
            hl[b + 1] += dk * gby - hk * (scx - sax);
            hl[c] += dk * gcx + hk * (say - sby);
            hl[c + 1] += dk * gcy - hk * (sax - sbx);
        }
        parameterDots[EnergyParameter.ELL0.ordinal()] = dotEll0;
        parameterDots[EnergyParameter.AREA_WEIGHT.ordinal()] = dotWeight;
    }
}
