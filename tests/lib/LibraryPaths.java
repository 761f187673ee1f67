import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
import org.ejml.equation.Equation;
import org.ejml.simple.SimpleMatrix;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.GifEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.aggregate.AggregateFunctions;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.awt.image.BufferedImage;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Runs what a notebook cell is likely to call on the libraries inside the shaded lib jar, beyond what
 * the notebooks themselves call: the jar keeps only the classes of transitive dependencies that are
 * reached from these libraries, so a class loaded by name could be missing. Run from a source file:
 * {@code java -cp lib/target/dltheory-lib.jar tests/lib/LibraryPaths.java OUT_DIR}.
 */
public class LibraryPaths {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);

        // Tablesaw: CSV in and out (univocity, icu4j's charset detection), summaries, joins, dates.
        Table t = Table.read().csv(CsvReadOptions.builder(new StringReader(
                "layer,variance,when,scheme\n1,0.98,2024-01-02,he\n2,1.03,2024-02-03,linear\n")).tableName("t").build());
        Path csv = out.resolve("t.csv");
        t.write().csv(csv.toFile());
        Table back = Table.read().file(csv.toFile());
        check(back.rowCount() == 2, "CSV round trip");
        check(!t.summary().print().isEmpty(), "summary");
        Table by = t.summarize("variance", AggregateFunctions.mean, AggregateFunctions.stdDev).by("scheme");
        check(by.rowCount() == 2, "summarize by");
        check(t.joinOn("scheme").inner(true, t.copy()).rowCount() == 2, "join");
        check(t.dateColumn("when").month().size() == 2, "dates");
        DoubleColumn v = t.doubleColumn("variance");
        check(Math.abs(v.mean() - 1.005) < 1e-12, "column mean");
        StringWriter html = new StringWriter();
        t.write().usingOptions(tech.tablesaw.io.html.HtmlWriteOptions.builder(html).build());
        check(html.toString().contains("<table"), "HTML table");

        // XChart: every chart type, every bitmap and vector format (PDF goes through PDFBox).
        XYChart xy = new XYChartBuilder().width(300).height(200).build();
        xy.addSeries("s", new double[]{1, 2, 3}, new double[]{1, 4, 9});
        for (BitmapFormat f : BitmapFormat.values()) {
            BitmapEncoder.saveBitmap(xy, out.resolve("xy").toString(), f);
        }
        for (VectorGraphicsFormat f : VectorGraphicsFormat.values()) {
            VectorGraphicsEncoder.saveVectorGraphic(xy, out.resolve("xy").toString(), f);
        }
        CategoryChart cat = new CategoryChartBuilder().build();
        cat.addSeries("c", new double[]{1, 2}, new double[]{3, 4});
        PieChart pie = new PieChartBuilder().build();
        pie.addSeries("a", 1);
        pie.addSeries("b", 2);
        HeatMapChart heat = new HeatMapChartBuilder().build();
        heat.addSeries("h", new int[]{1, 2}, new int[]{1, 2}, new int[][]{{1, 2}, {3, 4}});
        BoxChart box = new BoxChartBuilder().build();
        box.addSeries("b", new double[]{1, 2, 3, 4});
        for (var chart : List.of(cat, pie, heat, box)) {
            check(BitmapEncoder.getBitmapBytes(chart, BitmapFormat.PNG).length > 0, chart.getClass().getSimpleName());
        }
        BufferedImage frame = BitmapEncoder.getBufferedImage(xy);
        GifEncoder.saveGif(out.resolve("animation.gif").toString(), List.of(frame, frame));

        // EJML: equations, SimpleMatrix decompositions, single precision.
        Equation eq = new Equation();
        eq.process("A = [1 2; 3 4]");
        eq.process("B = A*A'");
        check(eq.lookupDDRM("B").get(1, 1) == 25, "equation");
        SimpleMatrix m = SimpleMatrix.random_DDRM(4, 4, 0, 1, new Random(1));
        check(m.svd().rank() == 4 && m.eig().getNumberOfEigenvalues() == 4, "SVD and eigenvalues");
        FMatrixRMaj f = new FMatrixRMaj(new float[][]{{2, 0}, {0, 3}});
        check(CommonOps_FDRM.det(f) == 6f, "float determinant");

        for (String name : List.of("xy.png", "xy.jpg", "xy.gif", "xy.bmp", "xy.pdf", "xy.svg", "xy.eps", "animation.gif")) {
            check(Files.size(out.resolve(name)) > 0, name);
        }
        System.out.println("all library paths ran");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what + " gave a wrong result");
        }
    }
}
