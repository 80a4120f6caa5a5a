package vn.dvk.account;

/**
 * What {@link AccessPolicy} needs to know about a judging panel and a user to decide what the user may do on it.
 *
 * @param runner the user holds the permission that runs panels of this kind (appraisal or contest staff)
 * @param member the user sits on the panel
 * @param chair the user chairs it
 * @param blind members judge without seeing the ranking, each other's sheets or whose work it is
 * @param open the panel still takes sheets
 */
public record PanelFacts(boolean runner, boolean member, boolean chair, boolean blind, boolean open) {
}
