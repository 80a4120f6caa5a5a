package vn.dvk.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

import vn.dvk.account.DvkUser;
import vn.dvk.locality.OrganizationQuery;
import vn.dvk.locality.OrganizationService;
import vn.dvk.shared.PageResult;
import vn.dvk.shared.UserFacingException;
import vn.dvk.support.DemoUsers;
import vn.dvk.support.DvkIntegrationTest;

/** The registry's rules through its service, on H2 and PostgreSQL, as the demo accounts. */
@DvkIntegrationTest
class RegistryServiceIT {

	@Autowired
	RegistryService registry;

	@Autowired
	OrganizationService organizations;

	@Autowired
	DemoUsers users;

	DvkUser officer;

	DvkUser staff;

	long farmersTanLap;

	long policeIaHa;

	/** A word no demo text contains, so searches find only what a test wrote. */
	String marker;

	@BeforeEach
	void setUp() {
		officer = users.load("canbo");
		staff = users.load("bandanvan");
		farmersTanLap = org("Hội Nông dân xã Tân Lập");
		policeIaHa = org("Công an xã Ia Hà");
		marker = "kt" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
	}

	private long org(String name) {
		return organizations.search(new OrganizationQuery(name, null, null, true), new PageResult.Request(0, 5))
			.items()
			.stream()
			.filter(o -> o.name().equals(name))
			.findFirst()
			.orElseThrow()
			.id();
	}

	static ModelContent fullContent(String outputs) {
		String longText = "Bà con trong thôn cùng bàn bạc, thống nhất cách làm và phân công từng tổ phụ trách, "
				+ "cán bộ Hội đến từng nhà vận động, giải thích lợi ích để mọi người tự nguyện tham gia đóng góp.";
		return new ModelContent(longText, longText, longText + " " + longText, longText, longText, longText,
				"Từ tháng 3 năm 2024 đến nay, mỗi quý sơ kết một lần.", outputs, longText);
	}

	private ModelDraft draft(String name, long orgId, String locality, ModelContent content,
			List<Indicator> indicators) {
		return new ModelDraft(ModelKind.MODEL, SubjectType.COLLECTIVE, name, "KINH_TE", orgId, locality, "2021-2025",
				2024, content, Set.of("DIA_BAN_KHO_KHAN"), Set.of("NONG_THON_MOI"), indicators);
	}

	private ModelView newDraft(String name) {
		return registry.create(officer, draft(name, farmersTanLap, "99031",
				fullContent("Làm mới 3,5 km đường bê tông liên thôn, 120 hộ tham gia hiến đất và ngày công."), List.of()));
	}

	private ModelView recognizedModel(String name) {
		ModelView m = newDraft(name);
		registry.submit(officer, m.id());
		return registry.recognize(staff, m.id(), RecognitionLevel.COMMUNE, "12/QĐ-UBND", LocalDate.of(2025, 3, 1));
	}

	@Test
	void officerRegistersADraftForTheirOrganization() {
		ModelView m = newDraft("Mô hình " + marker + " đường hoa tự quản");
		assertThat(m.status()).isEqualTo(ModelStatus.DRAFT);
		assertThat(m.revision()).isEqualTo(1);
		assertThat(m.code()).startsWith("MH-");
		assertThat(m.measurable()).isTrue();
		assertThat(m.focusAreas()).containsExactly("DIA_BAN_KHO_KHAN");
		assertThat(registry.queue(staff, ModelQuery.all().withText(marker), new PageResult.Request(0, 5)).items())
			.extracting(ModelSummary::id)
			.containsExactly(m.id());
	}

	@Test
	void officerCannotRegisterForAnotherOrganization() {
		assertThatThrownBy(() -> registry.create(officer, draft("Mô hình " + marker, policeIaHa, "99052",
				fullContent("5 vụ"), List.of())))
			.isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.organization.outOfScope");
	}

	@Test
	void draftsAreHiddenFromOtherUnitsAndThePublic() {
		ModelView m = newDraft("Mô hình " + marker + " bản nháp");
		assertThat(registry.get(users.load("canbo.tanlap"), m.id()).id()).isEqualTo(m.id());
		assertThatThrownBy(() -> registry.get(users.load("phongvien"), m.id()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> registry.get(users.load("congdan"), m.id())).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> registry.get(null, m.id())).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).status().value())
			.isEqualTo(404);
		assertThat(registry.findPublic(m.id())).isEmpty();
		assertThat(registry.directory(ModelQuery.all().withText(marker), new PageResult.Request(0, 5)).total())
			.isZero();
		assertThat(registry.list(null, ModelQuery.all().withText(marker), new PageResult.Request(0, 5)).total())
			.isZero();
	}

	@Test
	void anotherOfficerCannotChangeTheDraft() {
		ModelView m = newDraft("Mô hình " + marker + " của hội nông dân");
		DvkUser policeOfficer = DvkUser.of(990, "cong.an.ia.ha", "Cán bộ công an", EnumSet.of(vn.dvk.account.Role.OFFICER),
				vn.dvk.account.AccessScope.ORGANIZATION, policeIaHa);
		assertThatThrownBy(() -> registry.update(policeOfficer, m.id(), m.version(),
				draft("Đổi tên", farmersTanLap, "99031", fullContent("1 hộ"), List.of())))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> registry.submit(policeOfficer, m.id())).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void submittingAnIncompleteDraftSaysWhatIsMissing() {
		ModelView m = registry.create(officer, draft("Mô hình " + marker + " chưa đủ", farmersTanLap, "99031",
				new ModelContent("Thực trạng.", null, null, null, null, null, null, null, null), List.of()));
		assertThatThrownBy(() -> registry.submit(officer, m.id())).isInstanceOf(UserFacingException.class)
			.satisfies(e -> {
				assertThat(((UserFacingException) e).messageKey()).isEqualTo("registry.submit.incomplete");
				assertThat(((UserFacingException) e).arguments()[0]).isEqualTo(8);
			});
	}

	@Test
	void theLifecycleRecordsWhoWhenAndWhy() {
		ModelView m = newDraft("Mô hình " + marker + " vòng đời");
		registry.submit(officer, m.id());
		assertThatThrownBy(() -> registry.update(officer, m.id(), registry.get(officer, m.id()).version(),
				draft("Sửa sau khi gửi", farmersTanLap, "99031", fullContent("1 hộ"), List.of())))
			.isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.edit.locked");
		assertThatThrownBy(() -> registry.returnForRevision(staff, m.id(), " "))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.return.commentRequired");
		registry.returnForRevision(staff, m.id(), "Đề nghị bổ sung số liệu năm 2025.");
		assertThat(registry.comments(officer, m.id())).extracting(ModelComment::body)
			.containsExactly("Đề nghị bổ sung số liệu năm 2025.");
		ModelView returned = registry.get(officer, m.id());
		registry.update(officer, m.id(), returned.version(), draft("Mô hình " + marker + " vòng đời (bổ sung)",
				farmersTanLap, "99031", fullContent("Làm mới 4,2 km đường, 150 hộ."), List.of()));
		registry.submit(officer, m.id());
		registry.passToAppraisal(staff, m.id());
		ModelView recognized = registry.recognize(staff, m.id(), RecognitionLevel.PROVINCE, "215/QĐ-UBND",
				LocalDate.of(2025, 6, 30));
		assertThat(recognized.status()).isEqualTo(ModelStatus.RECOGNIZED);
		assertThat(recognized.recognitionDecision()).isEqualTo("215/QĐ-UBND");
		assertThat(registry.findPublic(m.id())).isPresent();

		List<HistoryEntry> history = registry.history(staff, m.id());
		assertThat(history).filteredOn(e -> e.type() == HistoryEntry.Type.TRANSITION)
			.extracting(HistoryEntry::toStatus)
			.containsExactly(ModelStatus.RECOGNIZED, ModelStatus.UNDER_APPRAISAL, ModelStatus.SUBMITTED,
					ModelStatus.RETURNED, ModelStatus.SUBMITTED, ModelStatus.DRAFT);
		assertThat(history).filteredOn(e -> e.toStatus() == ModelStatus.RETURNED)
			.singleElement()
			.satisfies(e -> {
				assertThat(e.actor()).isEqualTo("bandanvan");
				assertThat(e.text()).isEqualTo("Đề nghị bổ sung số liệu năm 2025.");
			});
		assertThat(history).filteredOn(e -> e.type() == HistoryEntry.Type.VERSION && e.revision() == 2)
			.singleElement()
			.satisfies(e -> assertThat(e.changes()).extracting(HistoryEntry.Change::field)
				.contains("name", "outputs"));
	}

	@Test
	void wrongTransitionsAreRefused() {
		ModelView m = newDraft("Mô hình " + marker + " chuyển sai");
		assertThatThrownBy(() -> registry.passToAppraisal(staff, m.id())).isInstanceOf(UserFacingException.class)
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.transition.notAllowed");
		assertThatThrownBy(() -> registry.reject(officer, m.id(), "không")).isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void staleEditsAreRefusedAndNothingIsLost() {
		ModelView m = newDraft("Mô hình " + marker + " hai người sửa");
		registry.update(officer, m.id(), m.version(),
				draft("Mô hình " + marker + " sửa lần một", farmersTanLap, "99031", fullContent("2 hộ"), List.of()));
		assertThatThrownBy(() -> registry.update(staff, m.id(), m.version(),
				draft("Mô hình " + marker + " sửa lần hai", farmersTanLap, "99031", fullContent("3 hộ"), List.of())))
			.isInstanceOf(OptimisticLockingFailureException.class);
		assertThat(registry.get(staff, m.id()).name()).isEqualTo("Mô hình " + marker + " sửa lần một");
	}

	@Test
	void resultUpdatesMakeARecognizedModelMaintained() {
		ModelView m = recognizedModel("Mô hình " + marker + " duy trì");
		ResultUpdate u = registry.addResultUpdate(officer, m.id(), LocalDate.of(2026, 6, 30), "Sơ kết 6 tháng",
				List.of(new Indicator("Hộ tham gia", new BigDecimal("180"), "hộ", null)));
		assertThat(u.values()).singleElement().extracting(Indicator::value).isEqualTo(new BigDecimal("180"));
		ModelView after = registry.get(officer, m.id());
		assertThat(after.status()).isEqualTo(ModelStatus.MAINTAINED);
		assertThat(after.lastResultDate()).isEqualTo(LocalDate.of(2026, 6, 30));
		assertThatThrownBy(() -> registry.addResultUpdate(officer, newDraft("Mô hình " + marker + " nháp").id(),
				LocalDate.of(2026, 6, 30), "x", List.of()))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.result.notRecognized");
	}

	@Test
	void replicationCountsSpreadAndRefusesCycles() {
		ModelView original = recognizedModel("Mô hình " + marker + " gốc");
		ModelView replica = registry.create(staff, draft("Mô hình " + marker + " nhân rộng ở Ia Hà", policeIaHa,
				"99052", fullContent("30 hộ"), List.of()));
		registry.linkReplication(staff, replica.id(), original.id());
		ModelView after = registry.get(staff, original.id());
		assertThat(after.status()).isEqualTo(ModelStatus.REPLICATED);
		assertThat(after.replicaCount()).isEqualTo(1);
		assertThat(after.spreadLocalities()).isEqualTo(2);
		assertThat(after.spreadOrganizations()).isEqualTo(2);
		assertThat(registry.lineage(staff, original.id()).replicas()).extracting(LineageNode::id)
			.containsExactly(replica.id());
		assertThatThrownBy(() -> registry.linkReplication(staff, original.id(), replica.id()))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.replication.cycle");
		assertThatThrownBy(() -> registry.linkReplication(staff, original.id(), original.id()))
			.extracting(e -> ((UserFacingException) e).messageKey())
			.isEqualTo("registry.replication.self");
		assertThat(registry.lineage(null, original.id()).replicas()).as("the draft replica is not public").isEmpty();
	}

	@Test
	void qualityFlagsAreComputedAndFilterable() {
		ModelView vague = registry.create(officer, draft("Mô hình " + marker + " chung chung", farmersTanLap, "99031",
				new ModelContent("Ngắn.", "Ngắn.", "Ngắn.", "Ngắn.", "Ngắn.", "Ngắn.", "Ngắn.",
						"Bước đầu có chuyển biến tích cực.", "Ngắn."),
				List.of()));
		registry.submit(officer, vague.id());
		registry.recognize(staff, vague.id(), RecognitionLevel.COMMUNE, "1/QĐ-UBND", LocalDate.of(2023, 1, 10));
		ModelView m = registry.get(staff, vague.id());
		assertThat(m.flags()).containsExactlyInAnyOrder(QualityFlag.NO_MEASURABLE_OUTPUT, QualityFlag.STALE_RESULTS,
				QualityFlag.NEVER_REPLICATED, QualityFlag.THIN_CONTENT);
		for (QualityFlag flag : QualityFlag.values()) {
			assertThat(registry.queue(staff, new ModelQuery(marker, null, null, null, null, null, flag, null, null),
					new PageResult.Request(0, 5)).items())
				.as(flag.name())
				.extracting(ModelSummary::id)
				.containsExactly(vague.id());
		}
		ModelView good = newDraft("Mô hình " + marker + " có số liệu");
		assertThat(good.flags()).isEmpty();
	}

	@Test
	void searchNeedsEveryWordAndRanksNameMatchesFirst() {
		ModelView inName = newDraft("Mô hình " + marker + " Đắk Lắk sạch đẹp");
		ModelView inBody = registry.create(officer, draft("Mô hình " + marker + " khác", farmersTanLap, "99031",
				fullContent("Học tập kinh nghiệm Đắk Lắk, 20 hộ."), List.of()));
		List<ModelSummary> hits = registry.queue(staff, ModelQuery.all().withText(marker + " dak lak"),
				new PageResult.Request(0, 10)).items();
		assertThat(hits).extracting(ModelSummary::id).containsExactly(inName.id(), inBody.id());
		assertThat(hits.get(0).nameSegments()).contains(new vn.dvk.search.SearchIndex.Segment("Đắk", true));
		assertThat(hits.get(1).snippet()).anyMatch(s -> s.highlighted() && s.text().equals("Lắk"));
		assertThat(registry.queue(staff, ModelQuery.all().withText(marker + " khongcotu"), new PageResult.Request(0, 10))
			.total()).isZero();
	}

	@Test
	void listsFollowEveryChangeAtOnce() {
		String before = marker + "truoc";
		String after = marker + "sau";
		ModelView m = newDraft("Mô hình " + before);
		PageResult.Request page = new PageResult.Request(0, 5);
		assertThat(registry.queue(staff, ModelQuery.all().withText(before), page).total()).isOne();
		registry.update(officer, m.id(), m.version(),
				draft("Mô hình " + after, farmersTanLap, "99031", fullContent("12 hộ"), List.of()));
		assertThat(registry.queue(staff, ModelQuery.all().withText(before), page).total()).isZero();
		assertThat(registry.queue(staff, ModelQuery.all().withText(after), page).items()).extracting(ModelSummary::id)
			.containsExactly(m.id());
		assertThat(registry.directory(ModelQuery.all().withText(after), page).total()).isZero();
		registry.submit(officer, m.id());
		registry.recognize(staff, m.id(), RecognitionLevel.COMMUNE, "7/QĐ-UBND", LocalDate.of(2026, 1, 5));
		assertThat(registry.directory(ModelQuery.all().withText(after), page).items()).singleElement()
			.satisfies(s -> assertThat(s.status()).isEqualTo(ModelStatus.RECOGNIZED));
		ModelQuery recognizedOnly = new ModelQuery(after, null, null, null, null, Set.of(ModelStatus.RECOGNIZED),
				null, null, null);
		assertThat(registry.queue(staff, recognizedOnly, page).total()).isOne();
		registry.discontinue(staff, m.id(), "Không còn duy trì");
		assertThat(registry.directory(ModelQuery.all().withText(after), page).total()).isZero();
		assertThat(registry.queue(staff, recognizedOnly, page).total()).isZero();
	}

	@Test
	void exactDiacriticsRankAboveFoldedSpellings() {
		ModelView folded = newDraft("Mô hình " + marker + " bản Pa");
		ModelView exact = newDraft("Mô hình " + marker + " bạn Pá");
		List<ModelSummary> hits = registry.queue(staff, ModelQuery.all().withText(marker + " bạn"),
				new PageResult.Request(0, 10)).items();
		assertThat(hits).extracting(ModelSummary::id).containsExactly(exact.id(), folded.id());
	}

	@Test
	void evidenceIsCheckedByContentAndGetsAThumbnail() throws Exception {
		ModelView m = newDraft("Mô hình " + marker + " minh chứng");
		java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1200, 800,
				java.awt.image.BufferedImage.TYPE_INT_RGB);
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(image, "png", png);
		Evidence e = registry.addEvidence(officer, m.id(), "anh-hop-dan.png", png.toByteArray(), "Họp dân");
		assertThat(e.contentType()).isEqualTo("image/png");
		assertThat(e.width()).isEqualTo(1200);
		RegistryService.EvidenceFile thumb = registry.evidenceFile(officer, e.id(), true).orElseThrow();
		assertThat(thumb.contentType()).isEqualTo("image/jpeg");
		assertThat(ImageIO.read(new java.io.ByteArrayInputStream(thumb.bytes())).getWidth())
			.isEqualTo(EvidenceStore.THUMBNAIL_WIDTH);
		assertThat(registry.get(officer, m.id()).coverEvidenceId()).isEqualTo(e.id());

		assertThatThrownBy(() -> registry.addEvidence(officer, m.id(), "gia-mao.png",
				"<html>không phải ảnh</html>".getBytes(), null))
			.extracting(ex -> ((UserFacingException) ex).messageKey())
			.isEqualTo("registry.evidence.type");
		assertThatThrownBy(() -> registry.addEvidence(officer, m.id(), "to.pdf", new byte[11 * 1024 * 1024], null))
			.extracting(ex -> ((UserFacingException) ex).messageKey())
			.isEqualTo("registry.evidence.tooLarge");
		assertThat(registry.evidence(m.id())).hasSize(1);
	}

	@Test
	void bulkActionsReportEachRefusal() {
		ModelView a = newDraft("Mô hình " + marker + " hàng loạt A");
		ModelView b = newDraft("Mô hình " + marker + " hàng loạt B");
		registry.submit(officer, a.id());
		BulkResult result = registry.bulk(staff, List.of(a.id(), b.id()), BulkAction.PASS_TO_APPRAISAL, null, null,
				null, null);
		assertThat(result.done()).containsExactly(a.id());
		assertThat(result.refused()).singleElement().satisfies(r -> {
			assertThat(r.modelId()).isEqualTo(b.id());
			assertThat(r.messageKey()).isEqualTo("registry.transition.notAllowed");
		});
		assertThat(registry.get(staff, a.id()).status()).isEqualTo(ModelStatus.UNDER_APPRAISAL);
		assertThatThrownBy(() -> registry.bulk(officer, List.of(a.id()), BulkAction.REJECT, "x", null, null, null))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void demoDataGivesARealisticRegistry() {
		PageResult<ModelSummary> all = registry.queue(staff, ModelQuery.all(), new PageResult.Request(0, 1));
		assertThat(all.total()).isGreaterThanOrEqualTo(200);
		assertThat(registry.directory(ModelQuery.all(), new PageResult.Request(0, 1)).total()).isGreaterThan(100);
		for (QualityFlag flag : QualityFlag.values()) {
			assertThat(registry.queue(staff, new ModelQuery(null, null, null, null, null, null, flag, null, null),
					new PageResult.Request(0, 1)).total()).as(flag.name()).isPositive();
		}
		assertThat(registry.directory(ModelQuery.all().withText("dak son"), new PageResult.Request(0, 5)).total())
			.isPositive();
	}

}
