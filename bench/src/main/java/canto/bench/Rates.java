package canto.bench;

import canto.bench.kernels.FmaPeakBench;
import canto.engine.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a JMH result file ({@code -rf json}) into rates that can be held against the machine:
 * GFLOP/s for products, GB/s for bandwidth-bound loops, the SIMD/scalar ratio of each pair,
 * and each kernel's fraction of its limit measured in the same file (FMA peak, copy
 * bandwidth at the same working-set size, single-thread OpenBLAS when given).
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp bench/target/benchmarks.jar canto.bench.Rates \
 *      results.json [--openblas N=GFLOPS,...] [--before older-results.json]
 * </pre>
 * Prints a Markdown table: median and min–max of the measured iterations, and the rates of
 * the median. With {@code --before}, a second table gives before/after ratios of the medians
 * of the benchmarks found in both files (measure both in one session: ratios, not old times).
 */
public final class Rates {
    private Rates() {}

    /** One benchmark result: method, parameters, times in ns per call. */
    record Result(String cls, String method, Map<String, String> params, int threads,
                  double median, double min, double max) {
        String key() { return cls + "." + method; }
        String param(String name) { return params.get(name); }
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Rates results.json [--openblas SIZE=GFLOPS,...] [--before older-results.json]");
            System.exit(2);
        }
        Map<Integer, Double> openblas = new java.util.TreeMap<>();
        List<Result> before = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--before") && i + 1 < args.length) {
                before = read(Path.of(args[++i]));
            } else if (args[i].equals("--openblas") && i + 1 < args.length) {
                for (String kv : args[++i].split(",")) {
                    String[] p = kv.split("=");
                    openblas.put(Integer.parseInt(p[0].trim()), Double.parseDouble(p[1].trim()));
                }
            } else {
                System.err.println("Rates: unknown option " + args[i]);
                System.exit(2);
            }
        }
        List<Result> results = read(Path.of(args[0]));
        System.out.print(table(results, openblas));
        if (before != null) System.out.print(beforeAfter(before, results));
    }

    /** Reads a JMH JSON result file (AverageTime mode, any time unit) into ns per call. */
    @SuppressWarnings("unchecked")
    static List<Result> read(Path file) throws IOException {
        Object root = Json.parse(Files.readString(file));
        List<Result> out = new ArrayList<>();
        for (Object o : (List<Object>) root) {
            Map<String, Object> r = (Map<String, Object>) o;
            String bench = (String) r.get("benchmark");
            int dot = bench.lastIndexOf('.');
            String cls = bench.substring(bench.lastIndexOf('.', dot - 1) + 1, dot);
            String method = bench.substring(dot + 1);
            Map<String, String> params = new java.util.LinkedHashMap<>();
            Object ps = r.get("params");
            if (ps != null) ((Map<String, Object>) ps).forEach((k, v) -> params.put(k, String.valueOf(v)));
            Map<String, Object> pm = (Map<String, Object>) r.get("primaryMetric");
            double toNs = nanosPer((String) pm.get("scoreUnit"));
            List<Double> samples = new ArrayList<>();
            for (Object fork : (List<Object>) pm.get("rawData")) {
                for (Object v : (List<Object>) fork) samples.add(((Number) v).doubleValue() * toNs);
            }
            samples.sort(null);
            int n = samples.size();
            double median = n % 2 == 1 ? samples.get(n / 2) : (samples.get(n / 2 - 1) + samples.get(n / 2)) / 2;
            int threads = ((Number) r.get("threads")).intValue();
            out.add(new Result(cls, method, params, threads, median, samples.get(0), samples.get(n - 1)));
        }
        return out;
    }

    private static double nanosPer(String unit) {
        switch (unit) {
            case "ns/op": return 1;
            case "us/op": return 1e3;
            case "ms/op": return 1e6;
            case "s/op": return 1e9;
            default: throw new IllegalArgumentException("Rates needs AverageTime results, not " + unit);
        }
    }

    /** The work of one call: FLOP for compute-bound benchmarks, bytes for the rest; 0 when unknown. */
    static double work(Result r) {
        switch (r.cls()) {
            case "MatmulBench": {
                String[] d = r.param("shape").split("x");
                return 2.0 * Double.parseDouble(d[0]) * Double.parseDouble(d[1]) * Double.parseDouble(d[2]);
            }
            case "FmaPeakBench":
                return 2.0 * FmaPeakBench.CHAINS * FmaPeakBench.lanes() * FmaPeakBench.ITERATIONS;
            case "EmbeddingBench": {
                String[] d = r.param("shape").split("x");
                double c = Double.parseDouble(d[0]), dim = Double.parseDouble(d[1]);
                return (r.method().equals("gather") ? 8 : 12) * c * dim + 4 * c;
            }
            case "EmbeddingBagBench": {
                String[] d = r.param("shape").split("x");
                double bags = Double.parseDouble(d[0]), ids = bags * Double.parseDouble(d[1]), dim = Double.parseDouble(d[2]);
                boolean forward = r.method().equals("forward") || r.method().equals("gatherThenSum");
                return (forward ? 4 : 8) * ids * dim + 4 * bags * dim + 4 * ids;
            }
            case "ActivationBench": {
                double n = Double.parseDouble(r.param("n"));
                if (r.method().equals("dropoutMask")) return 4 * n;
                return (r.method().endsWith("Forward") ? 8 : 12) * n;
            }
            case "SoftmaxBench": {
                String[] d = r.param("shape").split("x");
                return 8.0 * Double.parseDouble(d[0]) * Double.parseDouble(d[1]);
            }
            case "AdamBench":
            case "AdamThreadsBench":
                return 28.0 * Double.parseDouble(r.param("n"));
            case "CopyBench":
                return 8.0 * Double.parseDouble(r.param("floats"));
            default:
                return 0;
        }
    }

    static boolean isFlops(Result r) { return r.cls().equals("MatmulBench") || r.cls().equals("FmaPeakBench"); }

    /** Work per second of all threads together, in G (FLOP or bytes) per second. */
    static double rate(Result r) { return work(r) * r.threads() / r.median(); }

    static String table(List<Result> results, Map<Integer, Double> openblas) {
        double fmaPeak = 0;
        for (Result r : results) if (r.key().equals("FmaPeakBench.fma")) fmaPeak = rate(r);
        StringBuilder sb = new StringBuilder();
        sb.append("| benchmark | params | threads | median | min – max | rate | simd / scalar | vs limit |\n");
        sb.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (Result r : results) {
            double w = work(r);
            String rate = w == 0 ? "" : String.format(Locale.ROOT, "%.2f %s", rate(r), isFlops(r) ? "GFLOP/s" : "GB/s");
            String speedup = "";
            if ("simd".equals(r.param("impl"))) {
                Result scalar = partner(results, r, "impl", "scalar");
                if (scalar != null) speedup = String.format(Locale.ROOT, "%.2fx", scalar.median() / r.median());
            }
            sb.append("| ").append(r.key()).append(" | ").append(paramString(r)).append(" | ").append(r.threads())
              .append(" | ").append(time(r.median())).append(" | ").append(time(r.min())).append(" – ").append(time(r.max()))
              .append(" | ").append(rate).append(" | ").append(speedup).append(" | ").append(limit(results, r, fmaPeak, openblas))
              .append(" |\n");
        }
        return sb.toString();
    }

    /** Median time before / median time after, for every benchmark present in both runs. */
    static String beforeAfter(List<Result> before, List<Result> after) {
        StringBuilder sb = new StringBuilder("\n| benchmark | params | threads | before | after | speed-up |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
        for (Result a : after) {
            for (Result b : before) {
                if (b.key().equals(a.key()) && b.params().equals(a.params()) && b.threads() == a.threads()) {
                    sb.append("| ").append(a.key()).append(" | ").append(paramString(a)).append(" | ").append(a.threads())
                      .append(" | ").append(time(b.median())).append(" | ").append(time(a.median()))
                      .append(String.format(Locale.ROOT, " | %.2fx |%n", b.median() / a.median()));
                }
            }
        }
        return sb.toString();
    }

    /** The fraction of the relevant limit, when it was measured. */
    private static String limit(List<Result> results, Result r, double fmaPeak, Map<Integer, Double> openblas) {
        List<String> parts = new ArrayList<>();
        if (r.cls().equals("MatmulBench")) {
            if (fmaPeak > 0) parts.add(String.format(Locale.ROOT, "%.0f%% of FMA peak", 100 * rate(r) / fmaPeak));
            String[] d = r.param("shape").split("x");
            if (d[0].equals(d[1]) && d[1].equals(d[2]) && openblas.containsKey(Integer.parseInt(d[0]))) {
                parts.add(String.format(Locale.ROOT, "%.0f%% of OpenBLAS 1T", 100 * rate(r) / openblas.get(Integer.parseInt(d[0]))));
            }
        }
        if (r.cls().startsWith("Adam")) {
            String copyFloats = String.valueOf(2 * Integer.parseInt(r.param("n")));
            for (Result c : results) {
                if (c.cls().equals("CopyBench") && c.param("floats").equals(copyFloats)
                        && (c.method().equals("copy") == (r.threads() * threadsParam(r) == 1))) {
                    double floor = work(r) / rate(c); // ns at copy bandwidth
                    parts.add(String.format(Locale.ROOT, "%.2fx of traffic floor (%s)", r.median() / floor, c.method()));
                }
            }
        }
        return String.join(", ", parts);
    }

    private static int threadsParam(Result r) {
        String t = r.param("threads");
        return t == null ? 1 : Integer.parseInt(t);
    }

    private static Result partner(List<Result> results, Result r, String param, String value) {
        for (Result o : results) {
            if (!o.key().equals(r.key()) || o.threads() != r.threads()) continue;
            boolean same = true;
            for (Map.Entry<String, String> e : r.params().entrySet()) {
                String want = e.getKey().equals(param) ? value : e.getValue();
                if (!want.equals(o.param(e.getKey()))) { same = false; break; }
            }
            if (same) return o;
        }
        return null;
    }

    private static String paramString(Result r) {
        StringBuilder sb = new StringBuilder();
        r.params().forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append('=').append(v));
        return sb.toString();
    }

    private static String time(double ns) {
        if (ns >= 1e6) return String.format(Locale.ROOT, "%.3f ms", ns / 1e6);
        if (ns >= 1e3) return String.format(Locale.ROOT, "%.2f µs", ns / 1e3);
        return String.format(Locale.ROOT, "%.1f ns", ns);
    }
}
