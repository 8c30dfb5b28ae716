package dev.skillnet.train.experiment;

import dev.skillnet.core.io.AtomicFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A grouped bar chart of an experiment's table (tasks and the average; one bar per variant, its
 * height the mean over seeds, a black line over its middle from mean − sd to mean + sd when there
 * is more than one seed), as PNG. The legend wraps into as many rows as the variants' names need.
 */
final class BarChart {

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private BarChart() {}

    /** Pixels between two legend rows. */
    static final int LEGEND_ROW = 18;

    static void write(Path file, List<String> tasks, List<VariantResult> variants) throws IOException {
        List<String> groups = new ArrayList<>(tasks);
        groups.add("average");
        int groupWidth = 40 + 22 * variants.size();
        int width = 90 + groups.size() * groupWidth + 40;
        int top = 40;
        int bottom = 330;
        int left = 60;
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
        List<int[]> legend = legend(variants, font, left, width - 20); // per variant: x, row
        int rows = legend.isEmpty() ? 1 : legend.get(legend.size() - 1)[1] + 1;
        int height = 420 + (rows - 1) * LEGEND_ROW;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        g.setColor(Color.LIGHT_GRAY);
        for (int v = 0; v <= 100; v += 20) {
            int y = bottom - (bottom - top) * v / 100;
            g.drawLine(left, y, width - 20, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(Integer.toString(v), left - 28, y + 4);
            g.setColor(Color.LIGHT_GRAY);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, bottom, width - 20, bottom);
        g.drawString("test main score (%)", 8, 20);
        for (int gi = 0; gi < groups.size(); gi++) {
            String group = groups.get(gi);
            int x0 = left + 20 + gi * groupWidth;
            for (int vi = 0; vi < variants.size(); vi++) {
                VariantResult v = variants.get(vi);
                List<Double> values = group.equals("average") ? v.averages() : v.scores().get(group);
                if (values == null || values.isEmpty()) {
                    continue;
                }
                double m = Math.max(0, Math.min(100, VariantResult.mean(values)));
                int h = (int) Math.round((bottom - top) * m / 100);
                g.setColor(PALETTE[vi % PALETTE.length]);
                g.fillRect(x0 + vi * 22, bottom - h, 18, h);
                if (values.size() > 1) {
                    double sd = VariantResult.std(values);
                    int x = x0 + vi * 22 + 9;
                    int hi = y(Math.min(100, m + sd), top, bottom);
                    int lo = y(Math.max(0, m - sd), top, bottom);
                    g.setColor(Color.BLACK);
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
                    g.drawLine(x, hi, x, lo);
                    g.drawLine(x - 3, hi, x + 3, hi);
                    g.drawLine(x - 3, lo, x + 3, lo);
                    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                }
            }
            g.setColor(Color.BLACK);
            g.drawString(group, x0, bottom + 16);
        }
        for (int vi = 0; vi < variants.size(); vi++) {
            int lx = legend.get(vi)[0];
            int ly = bottom + 50 + legend.get(vi)[1] * LEGEND_ROW;
            g.setColor(PALETTE[vi % PALETTE.length]);
            g.fillRect(lx, ly, 12, 12);
            g.setColor(Color.BLACK);
            g.drawString(variants.get(vi).name(), lx + 16, ly + 10);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        AtomicFiles.write(file, ch -> {
            ByteBuffer buf = ByteBuffer.wrap(bytes.toByteArray());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        });
    }

    /** @return the pixel row of a score */
    private static int y(double score, int top, int bottom) {
        return bottom - (int) Math.round((bottom - top) * score / 100);
    }

    /** Places each variant's legend entry: a new row when the next entry would pass {@code right}. */
    private static List<int[]> legend(List<VariantResult> variants, Font font, int left, int right) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = scratch.createGraphics();
        java.awt.FontMetrics metrics = g.getFontMetrics(font);
        List<int[]> out = new ArrayList<>();
        int x = left;
        int row = 0;
        for (VariantResult v : variants) {
            int w = 30 + metrics.stringWidth(v.name());
            if (x > left && x + w - 14 > right) {
                x = left;
                row++;
            }
            out.add(new int[] {x, row});
            x += w;
        }
        g.dispose();
        return out;
    }

}
