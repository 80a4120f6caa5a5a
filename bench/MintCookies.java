// Visitor cookies for the vote benchmark: java bench/MintCookies.java SECRET N  → N lines "dvk_v=KEY.SIGNATURE".
// The same format and signature as vn.dvk.visits.VisitorKeys with dvk.visits.secret = SECRET (the application
// under test is started with DVK_VISITS_SECRET=SECRET), so every ballot of the benchmark is a distinct device
// without fetching a page first.
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class MintCookies {

	public static void main(String[] args) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(args[0].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		int n = Integer.parseInt(args[1]);
		Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
		SecureRandom random = new SecureRandom();
		StringBuilder out = new StringBuilder(n * 48);
		byte[] bytes = new byte[15];
		for (int i = 0; i < n; i++) {
			random.nextBytes(bytes);
			String key = b64.encodeToString(bytes);
			String signature = b64.encodeToString(mac.doFinal(("c|" + key).getBytes(StandardCharsets.UTF_8)))
				.substring(0, 16);
			out.append("dvk_v=").append(key).append('.').append(signature).append('\n');
		}
		System.out.print(out);
	}

}
