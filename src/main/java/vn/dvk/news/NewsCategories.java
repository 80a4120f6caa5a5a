package vn.dvk.news;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.dvk.account.AccessPolicy;
import vn.dvk.account.DvkUser;
import vn.dvk.account.Permission;
import vn.dvk.shared.AfterCommit;
import vn.dvk.shared.UserFacingException;
import vn.dvk.shared.VietnameseText;
import vn.dvk.system.AuditLog;
import vn.dvk.system.PublicContentChanged;

/** The news categories (chuyên mục) administrators and provincial staff keep: add, rename, reorder, hide. */
@Service
public class NewsCategories {

	private final Articles articles;

	private final AccessPolicy access;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	NewsCategories(Articles articles, AccessPolicy access, AuditLog audit, ApplicationEventPublisher events) {
		this.articles = articles;
		this.access = access;
		this.audit = audit;
		this.events = events;
	}

	/** Adds a category (administrators and provincial staff); its code comes from the Vietnamese name. */
	@Transactional
	public NewsCategory addCategory(DvkUser user, String nameVi, String nameEn, int sortOrder) {
		requireCategoryManager(user);
		String vi = VietnameseText.clean(nameVi);
		if (VietnameseText.isBlank(vi) || vi.length() > 120) {
			throw UserFacingException.field("nameVi", "news.category.name");
		}
		String en = VietnameseText.isBlank(nameEn) ? vi : VietnameseText.clean(nameEn);
		String code = VietnameseText.slug(vi, 60);
		if (code.isEmpty() || articles.categories().stream().anyMatch(x -> x.code().equals(code))) {
			throw UserFacingException.field("nameVi", "news.category.exists");
		}
		long id = articles.insertCategory(code, vi, en.length() > 120 ? en.substring(0, 120) : en, sortOrder);
		audit.record("news.category.add", "news_category", id, vi);
		changed();
		return articles.categories().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
	}

	/** Renames, reorders, hides or shows a category; its address (code) stays, so links keep working. */
	@Transactional
	public void updateCategory(DvkUser user, long id, String nameVi, String nameEn, int sortOrder, boolean active) {
		requireCategoryManager(user);
		NewsCategory c = articles.categories()
			.stream()
			.filter(x -> x.id() == id)
			.findFirst()
			.orElseThrow(() -> UserFacingException.notFound("news.category.notFound"));
		String vi = VietnameseText.clean(nameVi);
		if (VietnameseText.isBlank(vi) || vi.length() > 120) {
			throw UserFacingException.field("nameVi", "news.category.name");
		}
		String en = VietnameseText.isBlank(nameEn) ? vi : VietnameseText.clean(nameEn);
		articles.updateCategory(id, vi, en.length() > 120 ? en.substring(0, 120) : en, sortOrder, active);
		audit.record("news.category.update", "news_category", id, c.nameVi() + " → " + vi + (active ? "" : " (ẩn)"));
		changed();
	}

	private void requireCategoryManager(DvkUser user) {
		access.require(user, Permission.MANAGE_NEWS_CATEGORIES);
	}

	private void changed() {
		AfterCommit.run(() -> events.publishEvent(new PublicContentChanged("news")));
	}

}
