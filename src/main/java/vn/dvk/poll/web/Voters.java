package vn.dvk.poll.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

import vn.dvk.account.DvkUser;
import vn.dvk.poll.PollService;
import vn.dvk.visits.VisitorIdentity;

/** Who is voting, as the page and the API both see it: never the raw address, only salted hashes. */
final class Voters {

	private Voters() {
	}

	static PollService.Voter from(HttpServletRequest request, DvkUser user, VisitorIdentity identities,
			String proofOfWork) {
		String address = request.getRemoteAddr();
		return new PollService.Voter(user, identities.key(request), identities.hash("ip|" + address),
				identities.hash("net|" + VisitorIdentity.subnet(address)), request.getHeader(HttpHeaders.USER_AGENT),
				proofOfWork);
	}

}
