/**
 * Files in and out: reading CSV/XLSX (TabularFile), the streaming XLSX writer, PDF rendering from templates,
 * recognizing files by their bytes, pictures and their renditions, and uploads staged between a preview and its
 * commit (owns {@code staged_upload}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package vn.dvk.documents;
