package vn.dvk.poll;

import vn.dvk.account.Permission;

import vn.dvk.account.AccessPolicy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.dvk.account.DvkUser;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.RegistryService;
import vn.dvk.shared.AfterCommit;
import vn.dvk.system.AuditLog;
import vn.dvk.system.PublicContentChanged;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseText;

/**
 * Polls and votes. A vote is one ballot row per identity per poll (per day for DAILY polls), written and committed
 * before the voter hears "thank you"; the unique constraint on (poll, identity, bucket) is the final guard, so a
 * double click, a replay or a thousand simultaneous requests of one identity leave exactly one ballot, and every
 * other attempt is told it has already voted. Tallies are read from the database at most every two seconds per
 * poll (a crowd refreshing the results does not load it).
 */
@Service
public class PollService {

	private final AccessPolicy access;

	static final LocalDate ONCE_BUCKET = LocalDate.of(1970, 1, 1);

	private final Polls polls;

	private final RegistryService registry;

	private final AuditLog audit;

	private final TransactionTemplate tx;

	private final ApplicationEventPublisher events;

	private final vn.dvk.visits.VisitorIdentity identities;

	private final vn.dvk.system.RateLimiter limiter;

	private final int subnetFactor;

	private final vn.dvk.account.CitizenService citizens;

	private final ProofOfWork pow;

	private final PollExports exports;

	// A poll's definition, kept two seconds too: a crowd voting or refreshing the results reads neither the poll
	// nor its options from the database each time. Closing and publishing drop it on this node at once (another
	// node sees the change within the two seconds).
	private final Cache<Long, Optional<PollView>> views = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(2))
		.maximumSize(1000)
		.build();

	private final Cache<Long, PollResults> results = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(2))
		.maximumSize(1000)
		.build();

	PollService(Polls polls, RegistryService registry, AuditLog audit, TransactionTemplate tx,
			ApplicationEventPublisher events, vn.dvk.visits.VisitorIdentity identities,
			vn.dvk.system.RateLimiter limiter, vn.dvk.account.CitizenService citizens, ProofOfWork pow,
			@org.springframework.beans.factory.annotation.Value("${dvk.poll.subnet-factor:20}") int subnetFactor, AccessPolicy access,
			PollExports exports) {
		this.exports = exports;
		this.access = access;
		this.citizens = citizens;
		this.pow = pow;
		this.identities = identities;
		this.limiter = limiter;
		this.subnetFactor = subnetFactor;
		this.polls = polls;
		this.registry = registry;
		this.audit = audit;
		this.tx = tx;
		this.events = events;
	}

	/**
	 * Who votes: the identity the poll's rule asks for, and what is kept about the request (hashes of the address
	 * and of its /24 or /64 network, never the address itself).
	 */
	public record Voter(DvkUser user, String deviceKey, String ipHash, String subnetHash, String userAgent,
			String proofOfWork) {
	}


	// --- staff --------------------------------------------------------------------------------------------------

	public PollView create(DvkUser user, PollDraft d) {
		access.require(user, Permission.RUN_POLLS);
		Checked c = check(d);
		long id = tx.execute(status -> {
			long pollId = polls.insert(c.draft(), user.getUsername());
			insertOptions(pollId, c.labels());
			audit.record("poll.create", "poll", pollId, c.draft().title());
			AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("poll")));
			return pollId;
		});
		return find(id).orElseThrow();
	}

	/**
	 * Rewrites a poll, options included, while it has not opened: before the start nobody can have voted, so
	 * nothing is lost. Refused once it has opened.
	 */
	public PollView update(DvkUser user, long id, PollDraft d) {
		access.require(user, Permission.RUN_POLLS);
		polls.find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		Checked c = check(d);
		tx.executeWithoutResult(status -> {
			if (!polls.updateBeforeOpening(id, c.draft(), Instant.now())) {
				throw new UserFacingException(HttpStatus.CONFLICT, "poll.edit.started");
			}
			polls.deleteOptions(id);
			insertOptions(id, c.labels());
			audit.record("poll.update", "poll", id, c.draft().title());
			AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("poll")));
		});
		views.invalidate(id);
		results.invalidate(id);
		return find(id).orElseThrow();
	}

	/** Whether staff may still edit the poll (it has not opened). */
	public static boolean editable(PollView p) {
		return p.editableAt(Instant.now());
	}

	private record Checked(PollDraft draft, List<String[]> labels) {
	}

	private Checked check(PollDraft d) {
		String title = VietnameseText.clean(d.title());
		if (VietnameseText.isBlank(title) || title.length() > 300) {
			throw UserFacingException.field("title", "poll.title.invalid");
		}
		if (d.options() == null || d.options().size() < 2 || d.options().size() > 100) {
			throw UserFacingException.field("options", "poll.options.count");
		}
		if (d.startsAt() == null || d.endsAt() == null || !d.endsAt().isAfter(d.startsAt())) {
			throw UserFacingException.field("endsAt", "poll.time.order");
		}
		int ipLimit = d.ipLimitPerMinute() == null ? PollDraft.DEFAULT_IP_LIMIT_PER_MINUTE : d.ipLimitPerMinute();
		if (ipLimit < 1 || ipLimit > 100_000) {
			throw UserFacingException.field("ipLimitPerMinute", "poll.ipLimit.invalid");
		}
		int perAddress = d.ballotsPerAddress() == null ? PollDraft.DEFAULT_BALLOTS_PER_ADDRESS : d.ballotsPerAddress();
		if (perAddress < 1 || perAddress > 100_000_000) {
			throw UserFacingException.field("ballotsPerAddress", "poll.perAddress.invalid");
		}
		if (d.maxChoices() < 1 || d.maxChoices() > d.options().size()) {
			throw UserFacingException.field("maxChoices", "poll.maxChoices.invalid", d.options().size());
		}
		if (d.eidLevel() != null && (d.eidLevel() < 1 || d.eidLevel() > 4
				|| d.voterRule() != PollRules.VoterRule.VERIFIED_ACCOUNT)) {
			throw UserFacingException.field("eidLevel", "poll.eidLevel.invalid");
		}
		if (d.voterRule() == null || d.frequency() == null || d.resultsVisibility() == null) {
			throw UserFacingException.badRequest("poll.rules.required");
		}
		List<String[]> labels = new ArrayList<>();
		for (PollDraft.Option o : d.options()) {
			if (o.modelId() != null) {
				ModelView m = registry.findPublic(o.modelId())
					.orElseThrow(() -> UserFacingException.field("options", "poll.option.model", o.modelId()));
				labels.add(new String[] { m.name(), Long.toString(m.id()) });
			}
			else {
				String label = VietnameseText.clean(o.label());
				if (VietnameseText.isBlank(label) || label.length() > 300) {
					throw UserFacingException.field("options", "poll.option.label");
				}
				labels.add(new String[] { label, null });
			}
		}
		String description = d.description() == null ? null : VietnameseText.clean(d.description());
		return new Checked(new PollDraft(title, description, d.options(), d.maxChoices(), d.startsAt(), d.endsAt(),
				d.voterRule(), d.frequency(), d.resultsVisibility(), d.proofOfWork(), ipLimit, perAddress, d.eidLevel()), labels);
	}

	private void insertOptions(long pollId, List<String[]> labels) {
		for (int i = 0; i < labels.size(); i++) {
			String[] l = labels.get(i);
			polls.insertOption(pollId, i, l[0], l[1] == null ? null : Long.valueOf(l[1]));
		}
	}

	public void close(DvkUser user, long id) {
		access.require(user, Permission.RUN_POLLS);
		PollView p = find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		tx.executeWithoutResult(status -> {
			polls.close(id, Instant.now());
			audit.record("poll.close", "poll", id, p.title());
			AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("poll")));
		});
		views.invalidate(id);
		results.invalidate(id);
	}

	public void publishResults(DvkUser user, long id) {
		access.require(user, Permission.RUN_POLLS);
		PollView p = find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		tx.executeWithoutResult(status -> {
			polls.publishResults(id);
			audit.record("poll.publishResults", "poll", id, p.title());
			AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("poll")));
		});
		views.invalidate(id);
		results.invalidate(id);
	}

	/** Every poll, newest first (staff). */
	public vn.dvk.shared.PageResult<PollView> list(DvkUser user, vn.dvk.shared.PageResult.Request page) {
		access.require(user, Permission.RUN_POLLS);
		return new vn.dvk.shared.PageResult<>(polls.all(page.offset(), page.size()).stream().map(this::view).toList(),
				polls.count(), page.page(), page.size());
	}

	/**
	 * The ballots of a poll (staff): time, options, identity and address hashes (shortened), browser class, voided
	 * or not. XLSX or CSV (UTF-8 with BOM, for Excel).
	 */
	public void exportVotes(DvkUser user, long id, boolean xlsx, java.io.OutputStream out) throws java.io.IOException {
		access.require(user, Permission.RUN_POLLS);
		exports.votes(find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound")), xlsx, out);
	}

	/** The results per option and the counted ballots per day (staff, whatever the visibility). */
	public void exportResults(DvkUser user, long id, boolean xlsx, java.io.OutputStream out)
			throws java.io.IOException {
		access.require(user, Permission.RUN_POLLS);
		PollView p = find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		exports.results(p, tally(p), xlsx, out);
	}

	/**
	 * What staff look at for fraud: ballots per address hash, per /24 or /64 network, per minute (bursts show as
	 * minutes far above the rest), per browser class, and how long after registering account holders voted.
	 */
	public record Fraud(List<Count> byAddress, List<Count> bySubnet, List<Count> byMinute, List<Count> byBrowser,
			List<Count> byAccountAge) {

		/** A group and its ballots, voided ones included. */
		public record Count(String key, long ballots, long voided) {
		}

	}

	public Fraud fraud(DvkUser user, long id) {
		access.require(user, Permission.RUN_POLLS);
		find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		return new Fraud(counts(polls.countsBy(id, "ip_hash", 20)), counts(polls.countsBy(id, "subnet_hash", 20)),
				counts(polls.countsByMinute(id, 20)),
				counts(polls.countsBy(id, "ua_class", 10)), counts(polls.countsBy(id, ACCOUNT_AGE, 10)));
	}

	// Buckets of the time between registering and voting; keys are message suffixes (poll.fraud.age.*).
	private static final String ACCOUNT_AGE = "case when account_age_seconds is null then '-' "
			+ "when account_age_seconds < 60 then '1m' when account_age_seconds < 600 then '10m' "
			+ "when account_age_seconds < 3600 then '1h' when account_age_seconds < 86400 then '1d' else 'more' end";

	/** Groups of ballots staff can void at once. */
	public enum VoidGroup {

		ADDRESS("ip_hash"), SUBNET("subnet_hash");

		private final String column;

		VoidGroup(String column) {
			this.column = column;
		}

	}

	private static List<Fraud.Count> counts(List<Polls.Count> rows) {
		return rows.stream().map(c -> new Fraud.Count(c.key(), c.ballots(), c.voided())).toList();
	}

	/**
	 * Voids every counted ballot sent from one address (or network) hash, with a reason: the rows stay (and show as voided in
	 * exports), tallies leave them out, and the action is audited.
	 */
	public int voidBallots(DvkUser user, long id, VoidGroup group, String hash, String reason) {
		access.require(user, Permission.RUN_POLLS);
		PollView p = find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		String why = reason == null ? "" : VietnameseText.clean(reason);
		if (VietnameseText.isBlank(why) || why.length() > 300) {
			throw UserFacingException.field("reason", "poll.void.reason");
		}
		Integer n = tx.execute(status -> {
			int count = polls.voidBy(id, group.column, hash, why);
			audit.record("poll.void", "poll", id,
					p.title() + ": " + count + " × " + group.name().toLowerCase(Locale.ROOT) + " " + hash + " — " + why);
			return count;
		});
		results.invalidate(id);
		return n == null ? 0 : n;
	}

	// --- everyone -----------------------------------------------------------------------------------------------

	public Optional<PollView> find(long id) {
		return views.get(id, k -> polls.find(k).map(this::view));
	}

	/** A fresh proof-of-work challenge for a poll that asks for one, bound to the asking device (or account). */
	public Map<String, Object> challenge(long id, String deviceKey) {
		PollView p = find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		if (!p.proofOfWork()) {
			throw UserFacingException.notFound("poll.pow.notNeeded");
		}
		return pow.challenge(id, deviceKey);
	}

	public List<PollView> active() {
		return polls.active(Instant.now()).stream().map(this::view).toList();
	}

	/** Results for this caller: empty when they may not see them yet (staff always may). */
	public Optional<PollResults> results(DvkUser user, long id) {
		PollView p = find(id).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		if (!access.allows(user, Permission.RUN_POLLS) && !p.resultsPublicAt(Instant.now())) {
			return Optional.empty();
		}
		return Optional.of(results.get(id, k -> tally(p)));
	}

	private PollResults tally(PollView p) {
		Map<Long, Long> votes = polls.votesPerOption(p.id());
		long total = polls.countedBallots(p.id());
		List<PollResults.Option> options = new ArrayList<>();
		for (PollView.Option o : p.options()) {
			long v = votes.getOrDefault(o.id(), 0L);
			double percent = total == 0 ? 0 : Math.round(1000.0 * v / total) / 10.0;
			options.add(new PollResults.Option(o.id(), o.label(), v, percent));
		}
		return new PollResults(p.id(), total, options, p.resultsPublicAt(Instant.now()));
	}

	/**
	 * Casts a ballot. Refusals (poll not open, no choice, too many, an option of another poll, no account) are
	 * user-facing errors; a repeated vote is not an error: the outcome says it was already counted.
	 */
	public VoteOutcome vote(long pollId, List<Long> optionIds, Voter voter) {
		PollView p = find(pollId).orElseThrow(() -> UserFacingException.notFound("poll.notFound"));
		if (p.ipLimitPerMinute() != null) {
			// Every attempt counts, accepted or not: a script hammering the poll is slowed down either way.
			limit("poll:" + pollId + ":ip:" + voter.ipHash(), p.ipLimitPerMinute());
			limit("poll:" + pollId + ":net:" + voter.subnetHash(), p.ipLimitPerMinute() * subnetFactor);
		}
		Instant now = Instant.now();
		if (now.isBefore(p.startsAt())) {
			throw new UserFacingException(HttpStatus.CONFLICT, "poll.notYetOpen",
					VietnameseFormats.dateTime(p.startsAt()));
		}
		if (p.endedAt(now)) {
			throw new UserFacingException(HttpStatus.CONFLICT, "poll.ended");
		}
		Set<Long> chosen = new LinkedHashSet<>(optionIds == null ? List.of() : optionIds);
		chosen.remove(null);
		if (chosen.isEmpty()) {
			throw UserFacingException.badRequest("poll.choice.none");
		}
		if (chosen.size() > p.maxChoices()) {
			throw UserFacingException.badRequest("poll.choice.tooMany", p.maxChoices());
		}
		Set<Long> own = new java.util.HashSet<>(p.options().stream().map(PollView.Option::id).toList());
		if (!own.containsAll(chosen)) {
			throw UserFacingException.badRequest("poll.choice.foreign");
		}
		if (p.voterRule() == PollRules.VoterRule.OPEN && voter.deviceKey() == null) {
			// No signed cookie: the browser never kept the one the poll page gave it (or this is a script).
			throw UserFacingException.badRequest("poll.device.noCookie");
		}
		if (p.proofOfWork()) {
			pow.spend(pollId, voter.deviceKey(), voter.proofOfWork());
		}
		String identity;
		Long accountAge = null;
		if (p.voterRule() == PollRules.VoterRule.VERIFIED_ACCOUNT) {
			if (voter.user() == null) {
				throw new UserFacingException(HttpStatus.UNAUTHORIZED, "poll.account.required");
			}
			vn.dvk.account.CitizenService.Status status = citizens.status(voter.user().id())
				.orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "poll.account.required"));
			if (p.eidLevel() != null) {
				if (status.eidLevel() == null || status.eidLevel() < p.eidLevel()) {
					throw new UserFacingException(HttpStatus.FORBIDDEN, "poll.account.eidRequired", p.eidLevel());
				}
			}
			else if (!status.verified()) {
				throw new UserFacingException(HttpStatus.FORBIDDEN, "poll.account.unverified");
			}
			accountAge = Math.max(0, Duration.between(status.registeredAt(), now).toSeconds());
			identity = "u:" + voter.user().id();
		}
		else {
			identity = "d:" + voter.deviceKey();
		}
		// Salted with the installation's key: the table never shows which account or device voted.
		String identityHash = identities.hash(pollId + "|" + identity);
		LocalDate bucket = p.frequency() == PollRules.Frequency.DAILY ? VietnameseFormats.today() : ONCE_BUCKET;
		List<Long> options = List.copyOf(chosen);
		Long age = accountAge;
		// Open polls: one address gives at most the poll's cap of counted ballots (however many browsers it shows).
		Integer perAddress = p.voterRule() == PollRules.VoterRule.OPEN ? p.ballotsPerAddress() : null;
		boolean inserted;
		try {
			java.util.function.Supplier<Boolean> insert = () -> polls.insertBallot(pollId, identityHash, bucket,
					voter.ipHash(), voter.subnetHash(), userAgentClass(voter.userAgent()), age, options, perAddress);
			if (polls.singleStatementBallots()) {
				inserted = insert.get(); // one statement, committed (and durable) when it returns
			}
			else {
				inserted = Boolean.TRUE.equals(tx.execute(status -> insert.get()));
			}
		}
		catch (DataIntegrityViolationException | TransientDataAccessException ex) {
			// The constraint (or the lock another insert of the same identity holds) says it is already there.
			if (polls.hasBallot(pollId, identityHash, bucket)) {
				return new VoteOutcome(false, true);
			}
			throw new UserFacingException(HttpStatus.SERVICE_UNAVAILABLE, "poll.busy");
		}
		if (!inserted) {
			throw new UserFacingException(HttpStatus.CONFLICT, "poll.perAddress.full", perAddress);
		}
		return new VoteOutcome(true, false);
	}

	private void limit(String key, int perMinute) {
		vn.dvk.system.RateLimiter.Decision d = limiter.attempt(key, perMinute);
		if (!d.allowed()) {
			throw new vn.dvk.shared.TooManyRequestsException(d.retryAfterSeconds(), "poll.rateLimited",
					d.retryAfterSeconds());
		}
	}

	static String userAgentClass(String ua) {
		if (ua == null || ua.isBlank()) {
			return "none";
		}
		String l = ua.toLowerCase(Locale.ROOT);
		if (l.contains("bot") || l.contains("curl") || l.contains("python") || l.contains("java")
				|| l.contains("wrk")) {
			return "script";
		}
		if (l.contains("mobile") || l.contains("android") || l.contains("iphone")) {
			return "mobile";
		}
		return "desktop";
	}

	private PollView view(Polls.Row r) {
		List<PollView.Option> options = new ArrayList<>();
		for (Polls.OptionRow o : polls.options(r.id())) {
			Optional<ModelView> m = o.modelId() == null ? Optional.empty() : registry.findPublic(o.modelId());
			options.add(new PollView.Option(o.id(), o.label(), o.modelId(), m.map(ModelView::publicPath).orElse(null),
					m.map(ModelView::coverEvidenceId).orElse(null),
					m.map(v -> v.organizationName() + " – " + v.localityName()).orElse(null)));
		}
		return new PollView(r.id(), r.title(), r.description(), r.maxChoices(), r.startsAt(), r.endsAt(),
				r.voterRule(), r.frequency(), r.resultsVisibility(), r.resultsPublished(), r.proofOfWork(),
				r.ipLimitPerMinute(), r.ballotsPerAddress(), r.eidLevel(), r.closedAt(), options);
	}


}
