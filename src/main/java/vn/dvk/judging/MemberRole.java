package vn.dvk.judging;

/** A member's place on a panel: the chair manages the members' work, the secretary keeps the minutes. */
public enum MemberRole {

	CHAIR, SECRETARY, MEMBER

}
