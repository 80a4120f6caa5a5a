/**
 * The pages every judging panel has (sheets, the chair's reading, reminders, exclusions, closing), for the round
 * controllers of the modules that judge to extend.
 */
@org.springframework.modulith.NamedInterface("web")
package vn.dvk.judging.web;
