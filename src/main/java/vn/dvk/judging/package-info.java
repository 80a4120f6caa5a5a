/**
 * What judging panels share, whatever they judge: rubric templates of weighted criteria with maxima and a pass
 * threshold ({@link vn.dvk.judging.Rubrics}), checking a sheet against its rubric, the kinds of conflicts of interest
 * ({@link vn.dvk.judging.ConflictKind}) and the three aggregations side by side with their rankings
 * ({@link vn.dvk.judging.Aggregation}). Appraisal councils (models) and contest juries (press entries) both use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Judging")
package vn.dvk.judging;
