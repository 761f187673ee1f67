package dltheory.init;

import dltheory.check.Arguments;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;

import dltheory.check.Check;
import dltheory.table.Tables;
import tech.tablesaw.api.Table;

/**
 * Laws of a pre-activation a with E[a] = 0 and Var[a] = 1, for the first step of Q1.2 (notebook
 * 01): E[ReLU(a)²] = ½·Var[a] holds for every law symmetric about 0, and fails for a skewed one.
 */
public enum Law {

    /** a ~ N(0, 1): E[ReLU(a)] = 1/√(2π). */
    NORMAL("N(0, 1)", true, 0.5, 1 / Math.sqrt(2 * Math.PI)),
    /** a ~ U(−√3, √3): E[ReLU(a)] = √3/4. */
    UNIFORM("U(±√3)", true, 0.5, Math.sqrt(3) / 4),
    /** a ~ Laplace(0, b = 1/√2) (variance 2b² = 1): E[ReLU(a)] = b/2. */
    LAPLACE("Laplace(0, 1/√2)", true, 0.5, 1 / (2 * Math.sqrt(2))),
    /** a = e − 1 with e ~ Exp(1): skewed; E[ReLU(a)²] = ∫₁^∞ (x − 1)²e^(−x) dx = 2/e, E[ReLU(a)] = 1/e. */
    CENTERED_EXPONENTIAL("Exp(1) − 1", false, 2 / Math.E, 1 / Math.E);

    private final String label;
    private final boolean symmetric;
    private final double reluSecondMoment;
    private final double reluMean;

    Law(String label, boolean symmetric, double reluSecondMoment, double reluMean) {
        this.label = label;
        this.symmetric = symmetric;
        this.reluSecondMoment = reluSecondMoment;
        this.reluMean = reluMean;
    }

    /** The law's name in tables. */
    public String label() {
        return label;
    }

    /** Whether a and −a have the same law. */
    public boolean symmetric() {
        return symmetric;
    }

    /** The exact E[ReLU(a)²]: ½ for the symmetric laws (Q1.2), 2/e for the skewed one. */
    double reluSecondMoment() {
        return reluSecondMoment;
    }

    /** The exact E[ReLU(a)] — positive for every law that is not a point mass at 0 (Q1.2). */
    double reluMean() {
        return reluMean;
    }

    /** n i.i.d. draws of a, reproducible from {@code rng} (advanced by one long). */
    public double[] sample(int n, Random rng) {
        Arguments.atLeast(n, 2, "n");
        SplittableRandom r = new SplittableRandom(rng.nextLong());
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (this) {
                case NORMAL -> r.nextGaussian();
                case UNIFORM -> Math.sqrt(3) * (2 * r.nextDouble() - 1);
                case LAPLACE -> {
                    double e = -Math.log(1 - r.nextDouble()) / Math.sqrt(2);   // Exp with mean b = 1/√2
                    yield r.nextBoolean() ? e : -e;
                }
                case CENTERED_EXPONENTIAL -> -Math.log(1 - r.nextDouble()) - 1;
            };
        }
        return a;
    }

    /**
     * One row of {@link Moments}: the measured Var[a] (≈ 1), E[ReLU(a)²] and E[ReLU(a)] with their
     * standard errors and exact values.
     */
    public record Row(String law, boolean symmetric, double varA, double reluSecondMoment, double se,
                      double exact, double reluMean, double seMean, double exactMean) {
    }

    /** E[ReLU(a)²] and E[ReLU(a)] measured for every law (notebook 01, Q1.2). */
    public record Moments(int n, List<Row> rows) {

        /** Copies the rows. */
        public Moments {
            rows = List.copyOf(rows);
        }

        /** The rows as a table. */
        public Table table() {
            return Tables.of("E[ReLU(a)²] for laws with E[a] = 0, Var[a] = 1 (n = " + n + ")", rows,
                    "law of a", "symmetric", "Var[a]", "E[ReLU(a)²]", "SE(E[ReLU(a)²])", "exact E[ReLU(a)²]",
                    "E[ReLU(a)]", "SE(E[ReLU(a)])", "exact E[ReLU(a)]");
        }

        /** Checks E[ReLU(a)²] and E[ReLU(a)] of every law against the exact values within k standard errors. */
        public void check(double k) {
            for (Row r : rows) {
                Check.withinStandardErrors(r.reluSecondMoment(), r.se(), r.exact(), k,
                        "E[ReLU(a)²], a ~ " + r.law());
            }
            for (Row r : rows) {
                Check.withinStandardErrors(r.reluMean(), r.seMean(), r.exactMean(), k,
                        "E[ReLU(a)], a ~ " + r.law());
            }
        }
    }

    /** Measures E[ReLU(a)²] and E[ReLU(a)] from n draws of each law, in the order of {@link #values()}. */
    public static Moments reluMoments(int n, Random rng) {
        List<Row> rows = new ArrayList<>();
        for (Law law : values()) {
            double[] a = law.sample(n, rng);
            double[] relu = new double[n];
            for (int i = 0; i < n; i++) {
                relu[i] = Math.max(a[i], 0);
            }
            Estimate m2 = Estimate.secondMoment(relu);
            Estimate m1 = Estimate.mean(relu);
            Estimate mean = Estimate.mean(a);
            Estimate sq = Estimate.secondMoment(a);
            double var = sq.value() - mean.value() * mean.value();
            rows.add(new Row(law.label(), law.symmetric(), var, m2.value(), m2.standardError(), law.reluSecondMoment(),
                    m1.value(), m1.standardError(), law.reluMean()));
        }
        return new Moments(n, rows);
    }
}
