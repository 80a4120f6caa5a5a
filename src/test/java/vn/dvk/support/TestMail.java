package vn.dvk.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;

/**
 * The SMTP server of the integration suite: GreenMail, in process, started once on a free port; the application's
 * {@code spring.mail.*} settings point at it (see {@link TestDatabase}).
 */
public final class TestMail {

	private static GreenMail server;

	private TestMail() {
	}

	static synchronized int port() {
		if (server == null) {
			int port;
			try (ServerSocket s = new ServerSocket(0)) {
				port = s.getLocalPort();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			server.start();
		}
		return server.getSmtp().getPort();
	}

	/** The messages received for an address, waiting up to the timeout for at least {@code count}. */
	public static List<Message> waitFor(String recipient, int count, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		while (true) {
			List<Message> found = Arrays.stream(server.getReceivedMessages()).map(Message.class::cast).filter(m -> {
				try {
					return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
				}
				catch (MessagingException ex) {
					return false;
				}
			}).toList();
			if (found.size() >= count || System.nanoTime() > end) {
				return found;
			}
			Thread.sleep(50);
		}
	}

	/** The text of a plain-text message, decoded (quoted-printable, UTF-8). */
	public static String body(Message message) {
		try {
			Object content = message.getContent();
			return content instanceof String text ? text : GreenMailUtil.getBody(message);
		}
		catch (java.io.IOException | MessagingException ex) {
			return GreenMailUtil.getBody(message);
		}
	}

}
