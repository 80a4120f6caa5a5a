/**
 * News on the public portal: articles with a sanitized rich-text body, featured images in several widths,
 * categories, tags and links to models/exemplars; draft, scheduled, published and unpublished states; public
 * lists, article pages, search, RSS feeds and sitemap entries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "News")
package vn.dvk.news;
