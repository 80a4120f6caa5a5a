package vn.dvk.judging;

/** A sheet still expected: the member has no conflict with the subject and has not submitted. */
public record Missing(long memberId, long subjectId) {
}
