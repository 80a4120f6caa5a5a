/**
 * The registry of models (mô hình) and exemplars (điển hình): registration, lifecycle, versions, result updates,
 * evidence, quality flags, replication, search, Excel import/export and the public directory.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Registry of models and exemplars")
package vn.dvk.registry;
