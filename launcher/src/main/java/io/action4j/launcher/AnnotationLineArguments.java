package io.action4j.launcher;

import io.action4j.engine.data.AnnotationFormat;
import io.action4j.engine.data.AnnotationList;
import io.action4j.engine.data.DatasetEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** How the lines of an MMAction2 annotation list read, for commands that take one on the command line. */
final class AnnotationLineArguments {

    @Option(names = "--annotation-format", defaultValue = "videos",
            description = "videos or rawframes (default: ${DEFAULT-VALUE}).")
    AnnotationFormat annotationFormat;

    @Option(names = "--multi-label", description = "The list has several labels per line.")
    boolean multiLabel;

    @Option(names = "--with-offset", description = "Rawframe lines carry a start offset before the frame count.")
    boolean withOffset;

    /** The list's entries, their paths resolved against {@code dataPrefix} (may be null). */
    List<DatasetEntry> read(Path list, Path dataPrefix) throws IOException {
        return AnnotationList.read(list, annotationFormat, dataPrefix, multiLabel, withOffset);
    }
}
