package vn.dvk.poll.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import vn.dvk.poll.PollService;
import vn.dvk.poll.VoteOutcome;
import vn.dvk.shared.ApiErrors;
import vn.dvk.shared.UserFacingException;
import vn.dvk.visits.VisitorIdentity;

/**
 * The hot path of a public vote: {@code POST /api/v1/polls/{id}/votes} without credentials, answered right after
 * the visitor filter and the page cache, without Spring Security and Spring MVC. The endpoint is open to everyone
 * (the service applies each poll's rule, and a poll for verified accounts answers 401 here), takes no session, no
 * cookie-authenticated state and no CSRF token, so the security chain has nothing to add; skipping it and the MVC
 * machinery more than doubles the ballots a node accepts per second (bench/votes.sh, docs/PERFORMANCE.md).
 * Ballots with an {@code Authorization} header (accounts) go through the normal chain to
 * {@link PollApiController}, which answers the same way through the same {@link PollService#vote}.
 */
@Component
class AnonymousBallotFilter implements Filter, Ordered {

	private static final Pattern PATH = Pattern.compile("^/api/v1/polls/(\\d{1,18})/votes$");

	/** A ballot is a few option ids and a proof of work: a few kilobytes at most. */
	private static final long MAX_BODY = 8 * 1024;

	private final PollService polls;

	private final VisitorIdentity identities;

	private final ApiErrors errors;

	private final JsonMapper json;

	AnonymousBallotFilter(PollService polls, VisitorIdentity identities, ApiErrors errors, JsonMapper json) {
		this.polls = polls;
		this.identities = identities;
		this.errors = errors;
		this.json = json;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 12; // after the visitor filter (+10) and the page cache (+11)
	}

	@Override
	public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) req;
		HttpServletResponse response = (HttpServletResponse) res;
		Matcher m = "POST".equals(request.getMethod()) && request.getHeader(HttpHeaders.AUTHORIZATION) == null
				? PATH.matcher(request.getRequestURI().substring(request.getContextPath().length())) : null;
		if (m == null || !m.matches()) {
			chain.doFilter(req, res);
			return;
		}
		long pollId = Long.parseLong(m.group(1));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader("X-Content-Type-Options", "nosniff");
		PollApiController.Ballot ballot;
		try {
			Voters.requireSameSiteJson(request);
		}
		catch (UserFacingException ex) {
			errors.write(request, response, ex);
			return;
		}
		if (request.getContentLengthLong() > MAX_BODY) {
			errors.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.413");
			return;
		}
		try {
			byte[] body = request.getInputStream().readNBytes((int) MAX_BODY + 1);
			if (body.length > MAX_BODY) { // sent without a length (chunked) and too long
				errors.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "error.413");
				return;
			}
			ballot = body.length == 0 ? null : json.readValue(body, PollApiController.Ballot.class);
		}
		catch (JacksonException ex) {
			errors.write(request, response, HttpStatus.BAD_REQUEST, "error.api.badJson");
			return;
		}
		try {
			VoteOutcome outcome = polls.vote(pollId,
					ballot == null || ballot.optionIds() == null ? List.of() : ballot.optionIds(),
					Voters.from(request, null, identities, ballot == null ? null : ballot.altcha()));
			response.setStatus(outcome.counted() ? HttpStatus.CREATED.value() : HttpStatus.OK.value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			json.writeValue(response.getOutputStream(),
					Map.of("pollId", pollId, "counted", outcome.counted(), "alreadyVoted", outcome.alreadyVoted()));
		}
		catch (UserFacingException ex) {
			errors.write(request, response, ex);
		}
		catch (org.springframework.dao.DataAccessResourceFailureException
				| org.springframework.transaction.CannotCreateTransactionException
				| org.springframework.dao.TransientDataAccessResourceException
				| org.springframework.dao.RecoverableDataAccessException ex) {
			// The database is down or restarting: nothing was counted, the voter may simply try again.
			response.setHeader(HttpHeaders.RETRY_AFTER, "10");
			errors.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "error.databaseUnavailable");
		}
	}

}
