package vn.dvk.registry.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import vn.dvk.registry.ContentItem;
import vn.dvk.registry.Indicator;
import vn.dvk.registry.ModelContent;
import vn.dvk.registry.ModelDraft;
import vn.dvk.registry.ModelKind;
import vn.dvk.registry.ModelView;
import vn.dvk.registry.SubjectType;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseFormats;
import vn.dvk.shared.VietnameseNumbers;

/** The registration form: the ten items, classification, tags and indicator rows. */
public class ModelForm {

	/** Indicator rows offered on the form (empty ones are ignored). */
	static final int INDICATOR_ROWS = 6;

	private ModelKind kind = ModelKind.MODEL;

	private SubjectType subjectType = SubjectType.COLLECTIVE;

	private String name;

	private String fieldCode;

	private Long organizationId;

	private String localityCode;

	private String phase = "2021-2025";

	private Integer startYear;

	private String situation;

	private String goals;

	private String contentMethod;

	private String areaTarget;

	private String forces;

	private String resources;

	private String timeline;

	private String outputs;

	private String sustainability;

	private Set<String> focusAreas = new LinkedHashSet<>();

	private Set<String> movements = new LinkedHashSet<>();

	private List<IndicatorRow> indicators = new ArrayList<>();

	private int version;

	public ModelForm() {
		padIndicators();
	}

	static ModelForm of(ModelView m) {
		ModelForm f = new ModelForm();
		f.kind = m.kind();
		f.subjectType = m.subjectType();
		f.name = m.name();
		f.fieldCode = m.fieldCode();
		f.organizationId = m.organizationId();
		f.localityCode = m.localityCode();
		f.phase = m.phase();
		f.startYear = m.startYear();
		ModelContent c = m.content();
		f.situation = c.situation();
		f.goals = c.goals();
		f.contentMethod = c.contentMethod();
		f.areaTarget = c.areaTarget();
		f.forces = c.forces();
		f.resources = c.resources();
		f.timeline = c.timeline();
		f.outputs = c.outputs();
		f.sustainability = c.sustainability();
		f.focusAreas = new LinkedHashSet<>(m.focusAreas());
		f.movements = new LinkedHashSet<>(m.movements());
		f.indicators = new ArrayList<>();
		for (Indicator i : m.indicators()) {
			IndicatorRow row = new IndicatorRow();
			row.setName(i.name());
			row.setValue(VietnameseFormats.number(i.value()));
			row.setUnit(i.unit());
			row.setAsOf(i.asOf());
			f.indicators.add(row);
		}
		f.version = m.version();
		f.padIndicators();
		return f;
	}

	/** Adds empty rows: at least {@value #INDICATOR_ROWS}, and two free rows after the filled ones. */
	void padIndicators() {
		int target = Math.min(20, Math.max(INDICATOR_ROWS, indicators.size() + 2));
		while (indicators.size() < target) {
			indicators.add(new IndicatorRow());
		}
	}

	ModelDraft draft() {
		List<Indicator> values = new ArrayList<>();
		for (IndicatorRow row : indicators) {
			if (row.isEmpty()) {
				continue;
			}
			var value = row.getValue() == null || row.getValue().isBlank() ? null
					: VietnameseNumbers.parse(row.getValue())
						.orElseThrow(() -> UserFacingException.field("indicators", "registry.indicator.number",
								row.getValue()));
			values.add(new Indicator(row.getName(), value, row.getUnit(), row.getAsOf()));
		}
		return new ModelDraft(kind, subjectType, name, fieldCode, organizationId, localityCode, phase, startYear,
				new ModelContent(situation, goals, contentMethod, areaTarget, forces, resources, timeline, outputs,
						sustainability),
				focusAreas, movements, values);
	}

	/** The value of a content item, for the form's loop over items. */
	public String item(ContentItem item) {
		return switch (item) {
			case SITUATION -> situation;
			case GOALS -> goals;
			case CONTENT_METHOD -> contentMethod;
			case AREA_TARGET -> areaTarget;
			case FORCES -> forces;
			case RESOURCES -> resources;
			case TIMELINE -> timeline;
			case OUTPUTS -> outputs;
			case SUSTAINABILITY -> sustainability;
		};
	}

	public ModelKind getKind() {
		return kind;
	}

	public void setKind(ModelKind kind) {
		this.kind = kind;
	}

	public SubjectType getSubjectType() {
		return subjectType;
	}

	public void setSubjectType(SubjectType subjectType) {
		this.subjectType = subjectType;
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getFieldCode() {
		return fieldCode;
	}

	public void setFieldCode(String fieldCode) {
		this.fieldCode = fieldCode;
	}

	public Long getOrganizationId() {
		return organizationId;
	}

	public void setOrganizationId(Long organizationId) {
		this.organizationId = organizationId;
	}

	public String getLocalityCode() {
		return localityCode;
	}

	public void setLocalityCode(String localityCode) {
		this.localityCode = localityCode;
	}

	public String getPhase() {
		return phase;
	}

	public void setPhase(String phase) {
		this.phase = phase;
	}

	public Integer getStartYear() {
		return startYear;
	}

	public void setStartYear(Integer startYear) {
		this.startYear = startYear;
	}

	public String getSituation() {
		return situation;
	}

	public void setSituation(String situation) {
		this.situation = situation;
	}

	public String getGoals() {
		return goals;
	}

	public void setGoals(String goals) {
		this.goals = goals;
	}

	public String getContentMethod() {
		return contentMethod;
	}

	public void setContentMethod(String contentMethod) {
		this.contentMethod = contentMethod;
	}

	public String getAreaTarget() {
		return areaTarget;
	}

	public void setAreaTarget(String areaTarget) {
		this.areaTarget = areaTarget;
	}

	public String getForces() {
		return forces;
	}

	public void setForces(String forces) {
		this.forces = forces;
	}

	public String getResources() {
		return resources;
	}

	public void setResources(String resources) {
		this.resources = resources;
	}

	public String getTimeline() {
		return timeline;
	}

	public void setTimeline(String timeline) {
		this.timeline = timeline;
	}

	public String getOutputs() {
		return outputs;
	}

	public void setOutputs(String outputs) {
		this.outputs = outputs;
	}

	public String getSustainability() {
		return sustainability;
	}

	public void setSustainability(String sustainability) {
		this.sustainability = sustainability;
	}

	public Set<String> getFocusAreas() {
		return focusAreas;
	}

	public void setFocusAreas(Set<String> focusAreas) {
		this.focusAreas = focusAreas == null ? new LinkedHashSet<>() : focusAreas;
	}

	public Set<String> getMovements() {
		return movements;
	}

	public void setMovements(Set<String> movements) {
		this.movements = movements == null ? new LinkedHashSet<>() : movements;
	}

	public List<IndicatorRow> getIndicators() {
		return indicators;
	}

	public void setIndicators(List<IndicatorRow> indicators) {
		this.indicators = indicators == null ? new ArrayList<>() : indicators;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

	/** One indicator row of the form; the value is text so "1.200" and "3,5" are read the Vietnamese way. */
	public static class IndicatorRow {

		private String name;

		private String value;

		private String unit;

		@org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
		private java.time.LocalDate asOf;

		boolean isEmpty() {
			return (name == null || name.isBlank()) && (value == null || value.isBlank())
					&& (unit == null || unit.isBlank());
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getValue() {
			return value;
		}

		public void setValue(String value) {
			this.value = value;
		}

		public String getUnit() {
			return unit;
		}

		public void setUnit(String unit) {
			this.unit = unit;
		}

		public java.time.LocalDate getAsOf() {
			return asOf;
		}

		public void setAsOf(java.time.LocalDate asOf) {
			this.asOf = asOf;
		}

	}

}
