package vn.dvk.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;

import javax.imageio.ImageIO;

/**
 * Simple drawn illustrations for demo models (rice fields, roads, houses, the sea…), so the directory has pictures
 * without shipping anyone's photos. Deterministic for a given theme and seed.
 */
public final class Illustrations {

	public static final int WIDTH = 640;

	public static final int HEIGHT = 360;

	private Illustrations() {
	}

	public static byte[] draw(String theme, long seed) {
		Random random = new Random(seed);
		BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		boolean sea = "sea".equals(theme) || "water".equals(theme);
		g.setPaint(new GradientPaint(0, 0, new Color(120, 180, 230), 0, HEIGHT * 0.6f, new Color(220, 238, 250)));
		g.fillRect(0, 0, WIDTH, HEIGHT);
		g.setColor(new Color(255, 214, 90));
		g.fill(new Ellipse2D.Double(60 + random.nextInt(480), 30 + random.nextInt(40), 54, 54));
		// hills far away
		g.setColor(new Color(110, 160, 120));
		Path2D hills = new Path2D.Double();
		hills.moveTo(0, HEIGHT * 0.55);
		for (int x = 0; x <= WIDTH; x += 80) {
			hills.lineTo(x, HEIGHT * 0.45 + random.nextInt(40));
		}
		hills.lineTo(WIDTH, HEIGHT);
		hills.lineTo(0, HEIGHT);
		hills.closePath();
		g.fill(hills);
		// ground
		g.setColor(sea ? new Color(40, 120, 190) : new Color(124, 178, 82));
		g.fillRect(0, (int) (HEIGHT * 0.62), WIDTH, HEIGHT);
		switch (theme == null ? "" : theme) {
			case "rice" -> rows(g, new Color(86, 150, 60), new Color(180, 210, 90));
			case "tea" -> rows(g, new Color(46, 110, 50), new Color(70, 140, 60));
			case "road", "bridge" -> road(g, "bridge".equals(theme));
			case "house", "people", "clinic", "school", "market" -> houses(g, theme, random);
			case "sea", "water" -> waves(g, random);
			case "forest", "garden" -> trees(g, random, "garden".equals(theme));
			case "flag" -> flag(g);
			default -> houses(g, "house", random);
		}
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void rows(Graphics2D g, Color dark, Color light) {
		for (int i = 0; i < 9; i++) {
			int y = (int) (HEIGHT * 0.62) + i * 16;
			g.setColor(i % 2 == 0 ? dark : light);
			g.fillRect(0, y, WIDTH, 10 + i);
		}
	}

	private static void road(Graphics2D g, boolean bridge) {
		g.setColor(new Color(120, 120, 125));
		g.fill(new Polygon(new int[] { 290, 350, 560, 80 }, new int[] { 220, 220, HEIGHT, HEIGHT }, 4));
		g.setColor(Color.WHITE);
		g.setStroke(new BasicStroke(4, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] { 16, 14 }, 0));
		g.drawLine(320, 225, 320, HEIGHT);
		if (bridge) {
			g.setStroke(new BasicStroke(8));
			g.setColor(new Color(165, 22, 28));
			g.drawArc(120, 180, 400, 160, 0, 180);
		}
	}

	private static void houses(Graphics2D g, String theme, Random random) {
		for (int i = 0; i < 3; i++) {
			int x = 70 + i * 190 + random.nextInt(30);
			int y = 200 + random.nextInt(20);
			g.setColor("school".equals(theme) ? new Color(245, 222, 140) : new Color(240, 236, 226));
			g.fillRect(x, y, 120, 80);
			g.setColor(new Color(165, 22, 28));
			g.fill(new Polygon(new int[] { x - 10, x + 60, x + 130 }, new int[] { y, y - 50, y }, 3));
			g.setColor(new Color(90, 60, 40));
			g.fillRect(x + 48, y + 40, 24, 40);
			if ("clinic".equals(theme) && i == 1) {
				g.setColor(new Color(200, 30, 40));
				g.fillRect(x + 52, y + 8, 16, 40);
				g.fillRect(x + 40, y + 20, 40, 16);
			}
		}
		if ("people".equals(theme) || "market".equals(theme)) {
			for (int i = 0; i < 9; i++) {
				int x = 40 + i * 66;
				g.setColor(new Color(60 + i * 15, 80, 140 - i * 8));
				g.fillOval(x, 300, 22, 22);
				g.fillRoundRect(x - 6, 322, 34, 38, 12, 12);
			}
		}
	}

	private static void waves(Graphics2D g, Random random) {
		g.setColor(new Color(200, 230, 250));
		g.setStroke(new BasicStroke(3));
		for (int i = 0; i < 6; i++) {
			int y = 240 + i * 20;
			for (int x = random.nextInt(40); x < WIDTH; x += 80) {
				g.drawArc(x, y, 40, 14, 0, 180);
			}
		}
		g.setColor(new Color(130, 80, 40));
		g.fill(new Polygon(new int[] { 230, 410, 380, 260 }, new int[] { 250, 250, 280, 280 }, 4));
		g.setColor(new Color(165, 22, 28));
		g.fill(new Polygon(new int[] { 320, 320, 370 }, new int[] { 160, 245, 245 }, 3));
	}

	private static void trees(Graphics2D g, Random random, boolean flowers) {
		for (int i = 0; i < 8; i++) {
			int x = 20 + i * 78 + random.nextInt(20);
			int y = 190 + random.nextInt(40);
			g.setColor(new Color(100, 70, 40));
			g.fillRect(x + 18, y + 40, 10, 50);
			g.setColor(new Color(40, 120 + random.nextInt(40), 50));
			g.fillOval(x, y, 48, 56);
		}
		if (flowers) {
			for (int i = 0; i < 40; i++) {
				g.setColor(i % 2 == 0 ? new Color(230, 80, 110) : new Color(250, 210, 60));
				g.fillOval(random.nextInt(WIDTH), 300 + random.nextInt(50), 10, 10);
			}
		}
	}

	private static void flag(Graphics2D g) {
		g.setColor(new Color(90, 90, 90));
		g.fillRect(300, 80, 8, 220);
		g.setColor(new Color(218, 37, 29));
		g.fillRect(308, 80, 180, 120);
		g.setColor(new Color(255, 221, 0));
		int cx = 398;
		int cy = 140;
		int[] xs = new int[10];
		int[] ys = new int[10];
		for (int i = 0; i < 10; i++) {
			double r = i % 2 == 0 ? 40 : 16;
			double a = Math.PI / 2 + i * Math.PI / 5;
			xs[i] = (int) (cx + r * Math.cos(a));
			ys[i] = (int) (cy - r * Math.sin(a));
		}
		g.fillPolygon(xs, ys, 10);
	}

}
