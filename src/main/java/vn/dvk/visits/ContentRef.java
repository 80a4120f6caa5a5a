package vn.dvk.visits;

/** A piece of content whose views are counted: its kind ({@code news}, {@code model}) and id. */
public record ContentRef(String kind, long id) {

	public static final String NEWS = "news";

	public static final String MODEL = "model";

}
