package dltheory.plot;

import dltheory.check.Arguments;

/** The level sets of a 2×2 quadratic, drawn by {@link Plots#contours} as light ellipses. */
final class Contours {

    private Contours() {
    }

    /**
     * The ellipses ½θᵀAθ = c for each level c, as one polyline {x, y} broken by a NaN in y after
     * each ellipse.
     *
     * @param a      the symmetric positive definite matrix {{a11, a12}, {a12, a22}}
     * @param levels the values c &gt; 0 of ½θᵀAθ
     */
    static double[][] ellipses(double[][] a, double... levels) {
        double a11 = a[0][0];
        double a12 = a[0][1];
        double a22 = a[1][1];
        double det = a11 * a22 - a12 * a12;
        Arguments.that(a11 > 0 && det > 0, "a", "be positive definite for contours",
                "a11 = " + a11 + ", det = " + det);
        // principal axes: A = λ₁e₁e₁ᵀ + λ₂e₂e₂ᵀ, e₁ at angle φ₀
        double phi0 = 0.5 * Math.atan2(2 * a12, a11 - a22);
        double mean = (a11 + a22) / 2;
        double radius = Math.hypot((a11 - a22) / 2, a12);
        double l1 = mean + radius;
        double l2 = mean - radius;
        double c0 = Math.cos(phi0);
        double s0 = Math.sin(phi0);
        int n = 241;
        double[] x = new double[levels.length * (n + 1)];
        double[] y = new double[x.length];
        int k = 0;
        for (double c : levels) {
            // the level set ½θᵀAθ = c is the ellipse with semi-axes √(2c/λ₁), √(2c/λ₂)
            double r1 = Math.sqrt(2 * c / l1);
            double r2 = Math.sqrt(2 * c / l2);
            for (int i = 0; i < n; i++) {
                double phi = 2 * Math.PI * i / (n - 1);
                double u = r1 * Math.cos(phi);
                double v = r2 * Math.sin(phi);
                x[k] = c0 * u - s0 * v;
                y[k++] = s0 * u + c0 * v;
            }
            x[k] = x[k - 1];
            y[k++] = Double.NaN;
        }
        return new double[][] {x, y};
    }
}
