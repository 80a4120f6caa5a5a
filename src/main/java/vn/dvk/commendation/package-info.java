/**
 * Commendation (biểu dương): conferences with award forms and quotas, nominations of recognized models by staff or
 * proposed by their organizations, the awardees' public page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Commendation")
package vn.dvk.commendation;
