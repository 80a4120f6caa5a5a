/**
 * The press contest on "Dân vận khéo" exemplars: contests with media categories and prizes, entries by journalists
 * about exemplars of the registry, eligibility, rounds (preliminary → final) judged by juries on a rubric with
 * conflicts of interest and the three aggregations of the scoring module, prizes within quotas and public results.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Press contest")
package vn.dvk.contest;
