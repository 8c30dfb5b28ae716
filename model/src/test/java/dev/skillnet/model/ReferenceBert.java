package dev.skillnet.model;

import dev.skillnet.model.bert.BertConfig;
import java.util.Map;

/**
 * An independent, deliberately plain implementation of HuggingFace BertModel's forward pass in
 * double precision loops, used as the oracle for encoder sizes the golden fixture does not cover.
 * It is itself checked against the golden fixture in {@code GoldenFixtureTest}.
 */
final class ReferenceBert {

    private final BertConfig c;
    private final Map<String, float[]> w;

    /**
     * @param config sizes
     * @param weights tensors under the model's canonical names (no {@code bert.} prefix)
     */
    ReferenceBert(BertConfig config, Map<String, float[]> weights) {
        this.c = config;
        this.w = weights;
    }

    /** Result for one sequence: hidden [T][H] and pooled [H]. */
    record Output(double[][] hidden, double[] pooled) {}

    Output forward(long[] ids, long[] types, long[] mask) {
        int t = ids.length;
        int h = c.hiddenSize();
        double[][] x = new double[t][h];
        for (int i = 0; i < t; i++) {
            for (int j = 0; j < h; j++) {
                x[i][j] = w.get("embeddings.word_embeddings.weight")[(int) ids[i] * h + j]
                        + w.get("embeddings.position_embeddings.weight")[i * h + j]
                        + w.get("embeddings.token_type_embeddings.weight")[(int) types[i] * h + j];
            }
            x[i] = layerNorm(x[i], "embeddings.LayerNorm");
        }
        for (int l = 0; l < c.numHiddenLayers(); l++) {
            String p = "encoder.layer." + l + ".";
            double[][] q = linear(x, p + "attention.self.query");
            double[][] k = linear(x, p + "attention.self.key");
            double[][] v = linear(x, p + "attention.self.value");
            int heads = c.numAttentionHeads();
            int d = c.headSize();
            double[][] ctx = new double[t][h];
            for (int hd = 0; hd < heads; hd++) {
                for (int i = 0; i < t; i++) {
                    double[] s = new double[t];
                    double max = Double.NEGATIVE_INFINITY;
                    for (int j = 0; j < t; j++) {
                        double dot = 0;
                        for (int e = 0; e < d; e++) {
                            dot += q[i][hd * d + e] * k[j][hd * d + e];
                        }
                        s[j] = dot / Math.sqrt(d) + (mask[j] == 0 ? -10000.0 : 0.0);
                        max = Math.max(max, s[j]);
                    }
                    double sum = 0;
                    for (int j = 0; j < t; j++) {
                        s[j] = Math.exp(s[j] - max);
                        sum += s[j];
                    }
                    for (int j = 0; j < t; j++) {
                        for (int e = 0; e < d; e++) {
                            ctx[i][hd * d + e] += s[j] / sum * v[j][hd * d + e];
                        }
                    }
                }
            }
            double[][] a = linear(ctx, p + "attention.output.dense");
            for (int i = 0; i < t; i++) {
                a[i] = layerNorm(add(a[i], x[i]), p + "attention.output.LayerNorm");
            }
            double[][] inter = linear(a, p + "intermediate.dense");
            for (double[] row : inter) {
                for (int j = 0; j < row.length; j++) {
                    row[j] = 0.5 * row[j] * (1 + erf(row[j] / Math.sqrt(2)));
                }
            }
            double[][] o = linear(inter, p + "output.dense");
            for (int i = 0; i < t; i++) {
                x[i] = layerNorm(add(o[i], a[i]), p + "output.LayerNorm");
            }
        }
        double[] pooled = linear(new double[][] {x[0]}, "pooler.dense")[0];
        for (int j = 0; j < pooled.length; j++) {
            pooled[j] = Math.tanh(pooled[j]);
        }
        return new Output(x, pooled);
    }

    private double[][] linear(double[][] x, String name) {
        float[] weight = w.get(name + ".weight");
        float[] bias = w.get(name + ".bias");
        int out = bias.length;
        int in = x[0].length;
        double[][] y = new double[x.length][out];
        for (int i = 0; i < x.length; i++) {
            for (int o = 0; o < out; o++) {
                double s = bias[o];
                for (int e = 0; e < in; e++) {
                    s += weight[o * in + e] * x[i][e];
                }
                y[i][o] = s;
            }
        }
        return y;
    }

    private double[] layerNorm(double[] x, String name) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean);
        }
        var /= x.length;
        double[] y = new double[x.length];
        float[] g = w.get(name + ".weight");
        float[] b = w.get(name + ".bias");
        for (int i = 0; i < x.length; i++) {
            y[i] = (x[i] - mean) / Math.sqrt(var + c.layerNormEps()) * g[i] + b[i];
        }
        return y;
    }

    private static double[] add(double[] a, double[] b) {
        double[] y = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            y[i] = a[i] + b[i];
        }
        return y;
    }

    /** erf to ~1e-15 by its Taylor series for |x| < 3, else the asymptotic continued fraction. */
    static double erf(double x) {
        double ax = Math.abs(x);
        double r;
        if (ax < 3) {
            double term = ax;
            double sum = ax;
            for (int n = 1; n < 200; n++) {
                term *= -ax * ax / n;
                sum += term / (2 * n + 1);
            }
            r = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = 0;
            for (int n = 60; n >= 1; n--) {
                f = n / 2.0 / (ax + f);
            }
            r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return x < 0 ? -r : r;
    }
}
