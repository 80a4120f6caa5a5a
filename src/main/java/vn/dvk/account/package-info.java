/**
 * User accounts, roles and scopes: who may log in, what they may do, and over which organizations and localities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package vn.dvk.account;
