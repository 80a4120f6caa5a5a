/**
 * Appraisal councils (thẩm định): rubric templates, rounds, council members, conflicts of interest, score sheets,
 * the three aggregations and the decisions that move models through the registry's lifecycle.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Appraisal")
package vn.dvk.appraisal;
