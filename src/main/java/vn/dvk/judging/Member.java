package vn.dvk.judging;

/** A panel member: the account, the role, and where they work (a press outlet: its entries are a conflict). */
public record Member(long userId, MemberRole role, String affiliation) {
}
