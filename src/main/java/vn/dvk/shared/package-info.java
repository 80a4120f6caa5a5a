/**
 * Value types and small services every module may use: Vietnamese text folding, collation and formats,
 * paging, user-facing errors, the audit trail and staged uploads. No feature logic lives here.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.dvk.shared;
