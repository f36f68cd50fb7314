package org.physlab.calabiyau.complex;

/**
 * An immutable complex number for readable code outside the hot loops (test vectors, parameters,
 * reports). Hot kernels store complex numbers as (re, im) pairs in flat {@code double[]} arrays and use
 * {@link ComplexArrays} instead.
 *
 * @param re real part
 * @param im imaginary part
 */
public record Complex(double re, double im) {

    public static final Complex ZERO = new Complex(0, 0);
    public static final Complex ONE = new Complex(1, 0);
    public static final Complex I = new Complex(0, 1);

    public static Complex of(double re, double im) {
        return new Complex(re, im);
    }

    public static Complex real(double re) {
        return new Complex(re, 0);
    }

    /** r·e^{iθ}. */
    public static Complex polar(double r, double theta) {
        return new Complex(r * Math.cos(theta), r * Math.sin(theta));
    }

    /** The complex number stored at pair index {@code i} of an interleaved (re, im) array. */
    public static Complex at(double[] pairs, int i) {
        return new Complex(pairs[2 * i], pairs[2 * i + 1]);
    }

    /**
     * Parses {@code 10+3i}, {@code -2.5i}, {@code 1e-3-4.5i}, {@code 7}, {@code i}, {@code -i} (spaces allowed).
     *
     * @throws IllegalArgumentException with the offending text if it is not a complex number
     */
    public static Complex parse(String text) {
        String s = text == null ? "" : text.replace(" ", "").replace('j', 'i');
        if (s.isEmpty()) throw new IllegalArgumentException("empty complex number");
        try {
            if (!s.endsWith("i")) return new Complex(Double.parseDouble(s), 0);
            String body = s.substring(0, s.length() - 1);
            // split at the last sign that is not the leading one and not part of an exponent
            int split = -1;
            for (int k = body.length() - 1; k > 0; k--) {
                char c = body.charAt(k);
                if ((c == '+' || c == '-') && Character.toLowerCase(body.charAt(k - 1)) != 'e') {
                    split = k;
                    break;
                }
            }
            String re = split < 0 ? "0" : body.substring(0, split);
            String im = split < 0 ? body : body.substring(split);
            double imv = switch (im) {
                case "", "+" -> 1;
                case "-" -> -1;
                default -> Double.parseDouble(im);
            };
            return new Complex(Double.parseDouble(re), imv);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a complex number (write e.g. 10+3i)", e);
        }
    }

    public boolean isFinite() {
        return Double.isFinite(re) && Double.isFinite(im);
    }

    public Complex plus(Complex o) {
        return new Complex(re + o.re, im + o.im);
    }

    public Complex minus(Complex o) {
        return new Complex(re - o.re, im - o.im);
    }

    public Complex times(Complex o) {
        return new Complex(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    public Complex times(double s) {
        return new Complex(re * s, im * s);
    }

    public Complex dividedBy(Complex o) {
        double d = o.re * o.re + o.im * o.im;
        return new Complex((re * o.re + im * o.im) / d, (im * o.re - re * o.im) / d);
    }

    public Complex conj() {
        return new Complex(re, -im);
    }

    public Complex pow(int n) {
        Complex r = ONE;
        for (int k = 0; k < n; k++) r = r.times(this);
        return r;
    }

    /** |z|. */
    public double abs() {
        return Math.hypot(re, im);
    }

    /** |z|^2. */
    public double abs2() {
        return re * re + im * im;
    }

    public double arg() {
        return Math.atan2(im, re);
    }

    @Override
    public String toString() {
        if (im == 0) return fmt(re);
        if (re == 0) return fmt(im) + "i";
        return fmt(re) + (im < 0 || Double.isNaN(im) ? "" : "+") + fmt(im) + "i";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
