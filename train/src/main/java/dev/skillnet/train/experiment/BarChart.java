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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A grouped bar chart of an experiment's table (tasks and the average; one bar per variant), as PNG. */
final class BarChart {

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
        new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    private BarChart() {}

    static void write(Path file, List<String> tasks, List<VariantResult> variants) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> groups = new ArrayList<>(tasks);
        groups.add("average");
        int groupWidth = 40 + 22 * variants.size();
        int width = 90 + groups.size() * groupWidth + 40;
        int height = 420;
        int top = 40;
        int bottom = height - 90;
        int left = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
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
            }
            g.setColor(Color.BLACK);
            g.drawString(group, x0, bottom + 16);
        }
        int lx = left;
        for (int vi = 0; vi < variants.size(); vi++) {
            g.setColor(PALETTE[vi % PALETTE.length]);
            g.fillRect(lx, height - 40, 12, 12);
            g.setColor(Color.BLACK);
            String label = variants.get(vi).name();
            g.drawString(label, lx + 16, height - 30);
            lx += 30 + g.getFontMetrics().stringWidth(label);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, "png", bytes);
        dev.skillnet.core.io.AtomicFiles.write(file, ch -> {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes.toByteArray());
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
        });
    }

}
