package vn.dvk.poll.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

import vn.dvk.account.DvkUser;
import vn.dvk.poll.PollService;
import vn.dvk.shared.UserFacingException;
import vn.dvk.visits.VisitorIdentity;

/** Who is voting, as the page and the API both see it: never the raw address, only salted hashes. */
final class Voters {

	private Voters() {
	}

	/**
	 * A ballot sent to the API must be JSON from this site or from a client that is not a browser: a form or a
	 * {@code text/plain} body (which another site's page can send without asking) is refused, and so is any
	 * request a browser marks as coming from another site ({@code Sec-Fetch-Site}) or whose {@code Origin} is not
	 * this host.
	 */
	static void requireSameSiteJson(HttpServletRequest request) {
		String type = request.getContentType();
		org.springframework.http.MediaType media;
		try {
			media = type == null ? null : org.springframework.http.MediaType.parseMediaType(type);
		}
		catch (org.springframework.util.InvalidMimeTypeException ex) {
			media = null;
		}
		if (media == null || !org.springframework.http.MediaType.APPLICATION_JSON.isCompatibleWith(media)
				|| media.isWildcardType() || media.isWildcardSubtype()) {
			throw new UserFacingException(org.springframework.http.HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					"poll.ballot.json");
		}
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null && !"same-origin".equals(site) && !"none".equals(site)) {
			throw new UserFacingException(org.springframework.http.HttpStatus.FORBIDDEN, "poll.ballot.crossSite");
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin != null && !sameOrigin(origin, request)) {
			throw new UserFacingException(org.springframework.http.HttpStatus.FORBIDDEN, "poll.ballot.crossSite");
		}
	}

	private static boolean sameOrigin(String origin, HttpServletRequest request) {
		try {
			java.net.URI o = java.net.URI.create(origin);
			int port = o.getPort() >= 0 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
			return o.getHost() != null && o.getHost().equalsIgnoreCase(request.getServerName())
					&& port == request.getServerPort() && o.getScheme().equalsIgnoreCase(request.getScheme());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	static PollService.Voter from(HttpServletRequest request, DvkUser user, VisitorIdentity identities,
			String proofOfWork) {
		String address = request.getRemoteAddr();
		return new PollService.Voter(user, identities.key(request), identities.hash("ip|" + address),
				identities.hash("net|" + VisitorIdentity.subnet(address)), request.getHeader(HttpHeaders.USER_AGENT),
				proofOfWork);
	}

}
