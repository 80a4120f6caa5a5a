package vn.dvk.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Official documents as PDF (appraisal minutes, later certificates and lists): a Thymeleaf template rendered to
 * HTML, read by jsoup into a DOM, laid out by openhtmltopdf with DejaVu fonts embedded, so every Vietnamese
 * diacritic prints whatever fonts the reader's machine has. Templates use plain CSS (page size, margins) and no
 * links or scripts.
 */
@Component
public class PdfDocuments {

	private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

	private final ITemplateEngine templates;

	PdfDocuments(ITemplateEngine templates) {
		this.templates = templates;
	}

	public void render(String template, Map<String, Object> variables, Locale locale, OutputStream out)
			throws IOException {
		Context context = new Context(locale, variables);
		String html = templates.process(template, context);
		PdfRendererBuilder builder = new PdfRendererBuilder();
		builder.useFastMode();
		// DejaVu Sans: the Serif faces of this font package lack the letters with two diacritics (ầ, ố, ự …).
		font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.NORMAL);
		font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, BaseRendererBuilder.FontStyle.NORMAL);
		font(builder, "DejaVuSans-Oblique.ttf", "DejaVu Sans", 400, BaseRendererBuilder.FontStyle.ITALIC);
		builder.withW3cDocument(new W3CDom().fromJsoup(Jsoup.parse(html)), "/");
		builder.toStream(out);
		builder.run();
	}

	private static void font(PdfRendererBuilder builder, String file, String family, int weight,
			BaseRendererBuilder.FontStyle style) {
		builder.useFont(() -> {
			InputStream in = PdfDocuments.class.getResourceAsStream(FONTS + file);
			if (in == null) {
				throw new IllegalStateException("Font missing from the classpath: " + FONTS + file);
			}
			return in;
		}, family, weight, style, true);
	}

}
