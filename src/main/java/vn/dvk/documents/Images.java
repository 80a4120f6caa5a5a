package vn.dvk.documents;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import javax.imageio.ImageIO;

/** Decoding uploaded pictures (JPEG, PNG, WebP) and writing smaller JPEG renditions of them. */
public final class Images {

	private Images() {
	}

	/** The decoded picture, or empty when the bytes are not a readable image. */
	public static Optional<BufferedImage> decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			if (image == null || image.getWidth() < 1 || image.getHeight() < 1) {
				return Optional.empty();
			}
			return Optional.of(image);
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

	/** A JPEG at most {@code width} pixels wide (never enlarged), on white where the picture was transparent. */
	public static byte[] jpeg(BufferedImage image, int width) {
		int w = Math.min(width, image.getWidth());
		int h = Math.max(1, (int) Math.round(image.getHeight() * (w / (double) image.getWidth())));
		BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, w, h);
		g.drawImage(image, 0, 0, w, h, null);
		g.dispose();
		try {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			ImageIO.write(out, "jpg", bytes);
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
