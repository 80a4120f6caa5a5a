/**
 * The word index and the ranking rules shared by the registry's catalogue and the news index: diacritic-insensitive
 * words, exact-diacritic and title matches ranked first.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Search")
package vn.dvk.search;
