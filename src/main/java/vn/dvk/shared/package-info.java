/**
 * The kernel every module may use: Vietnamese text folding, collation, numbers and formats, paging, user-facing
 * errors and messages, the request's language, page metadata and running work after a commit. Nothing with state,
 * storage or feature logic lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.dvk.shared;
