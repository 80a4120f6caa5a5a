package vn.dvk.registry;

import java.util.List;

/**
 * Published once per committed chunk of a spreadsheet import with the models that the file recorded as recognized
 * (paper-era decisions): the bulk counterpart of {@link ModelRecognized}, so that an import of thousands of rows is one
 * event per chunk, not one per row.
 */
public record ModelsImported(List<Long> recognizedIds) {
}
