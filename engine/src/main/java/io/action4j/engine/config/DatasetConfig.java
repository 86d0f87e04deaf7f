package io.action4j.engine.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.action4j.api.ConfigChecks;
import io.action4j.api.ConfigValueException;
import io.action4j.engine.data.AnnotationFormat;
import io.action4j.engine.data.AnnotationList;
import io.action4j.engine.data.DatasetEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * An annotation list and where its files are: MMAction2's {@code dataset} ({@code ann_file},
 * {@code data_prefix}, multi-label and offset variants). Relative paths are taken from the
 * working directory, as MMAction2 takes them.
 *
 * @param annFile the list, one sample a line ({@code path label} or {@code frame_dir total_frames label})
 * @param dataPrefix prepended to every path of the list; absent: the paths are used as written
 * @param format {@code videos} (default) or {@code rawframes}: lists for recognition; {@code activitynet}: MMAction2's
 *     ActivityNet annotation JSON with {@code dataPrefix} the folder of its snippet-feature CSVs
 *     ({@code <video name>.csv}), for training a localizer
 * @param multiLabel several labels a line (MMAction2's {@code multi_class})
 * @param withOffset rawframe lists with a start-frame column
 * @param onError what a sample that cannot be decoded does: {@code fail} (default) stops the run
 *     naming its path; {@code skip} logs it and leaves it out
 * @param outsideSegments {@code activitynet} only: a ground-truth segment reaching outside the span the
 *     features cover is {@code clip}ped to it with a warning (default, as MMAction2 clips) or
 *     {@code reject}ed, stopping the run naming the video and the segment
 * @param proposalFile {@code ava} only: person boxes (an AVA-format CSV) used besides the ground-truth boxes
 *     in training and instead of them in validation and testing (MMAction2's {@code proposal_file})
 * @param personDetScoreThr {@code ava} only: proposals scoring below this are left out (default 0.9, as
 *     MMAction2's AVA configs)
 * @param labelFile {@code ava} only: the AVA label map ({@code .pbtxt}) of the evaluation (MMAction2's
 *     {@code label_file}); absent: every class
 * @param exclusionFile {@code ava} only: keyframes left out of the evaluation (MMAction2's {@code exclude_file})
 * @param videoPrefix {@code activitynet} only: the folder of the raw videos ({@code <video name>.<ext>}); a video
 *     whose feature CSV {@code dataPrefix} lacks has its snippet features extracted from it with the config's
 *     backbone, data pipeline and snippets, and kept in {@code dataPrefix} for the next run
 * @param featureCheckpoint {@code activitynet} with {@code videoPrefix}: the backbone's weights for that
 *     extraction (a recognizer's checkpoint will do); absent: its seeded initial weights
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetConfig(String annFile, String dataPrefix, String format, Boolean multiLabel, Boolean withOffset,
                            String onError, String outsideSegments, String proposalFile, Double personDetScoreThr,
                            String labelFile, String exclusionFile, String videoPrefix, String featureCheckpoint) {

    public static final List<String> FORMATS = List.of("videos", "rawframes", "activitynet", "ava");
    /** The localization format: an ActivityNet annotation file over snippet-feature CSVs. */
    public static final String ACTIVITYNET = "activitynet";
    /**
     * The detection format: an AVA ground-truth CSV ({@code video_id,timestamp,x1,y1,x2,y2,action_id,person_id})
     * over a folder of videos named {@code <video_id>.<ext>} ({@code dataPrefix}).
     */
    public static final String AVA = "ava";
    public static final List<String> ON_ERROR = List.of("fail", "skip");
    public static final List<String> OUTSIDE_SEGMENTS = List.of("clip", "reject");

    public DatasetConfig {
        ConfigChecks.required("annFile", annFile);
        format = format == null ? "videos" : format;
        ConfigChecks.oneOf("format", format, FORMATS);
        multiLabel = multiLabel != null && multiLabel;
        withOffset = withOffset != null && withOffset;
        onError = onError == null ? "fail" : onError;
        ConfigChecks.oneOf("onError", onError, ON_ERROR);
        if (outsideSegments != null) {
            ConfigChecks.oneOf("outsideSegments", outsideSegments, OUTSIDE_SEGMENTS);
        }
        if (personDetScoreThr != null) {
            ConfigChecks.inRange("personDetScoreThr", personDetScoreThr, 0, 1);
        }
        if (!format.equals(AVA)) {
            avaOnly("proposalFile", proposalFile);
            avaOnly("personDetScoreThr", personDetScoreThr);
            avaOnly("labelFile", labelFile);
            avaOnly("exclusionFile", exclusionFile);
        }
        if (!format.equals(ACTIVITYNET)) {
            activityNetOnly("videoPrefix", videoPrefix);
            activityNetOnly("featureCheckpoint", featureCheckpoint);
        } else if (featureCheckpoint != null && videoPrefix == null) {
            throw new ConfigValueException("featureCheckpoint", "the backbone's weights for extracting features from "
                    + "videoPrefix; there is no videoPrefix");
        }
    }

    private static void activityNetOnly(String key, Object value) {
        if (value != null) {
            throw new ConfigValueException(key, "applies to dataset format: activitynet only");
        }
    }

    /** Whether the features this dataset lacks are extracted from its raw videos ({@code videoPrefix}). */
    public boolean extractsFeatures() {
        return videoPrefix != null;
    }

    private static void avaOnly(String key, Object value) {
        if (value != null) {
            throw new ConfigValueException(key, "applies to dataset format: ava only");
        }
    }

    /** The least proposal score used ({@code personDetScoreThr}, 0.9 by default as in MMAction2). */
    public double proposalMinScore() {
        return personDetScoreThr == null ? 0.9 : personDetScoreThr;
    }

    /** Whether ground-truth segments outside the features' span stop the run ({@code outsideSegments: reject}). */
    public boolean rejectsOutsideSegments() {
        return "reject".equals(outsideSegments);
    }

    public AnnotationFormat annotationFormat() {
        if (format.equals(ACTIVITYNET) || format.equals(AVA)) {
            throw new IllegalArgumentException(annFile + ": dataset format '" + format + "' is for "
                    + (format.equals(AVA) ? "detection" : "training a localizer") + "; recognition reads 'videos' or "
                    + "'rawframes' lists");
        }
        return AnnotationFormat.valueOf(format.toUpperCase(Locale.ROOT));
    }

    /**
     * The list's samples, paths with the data prefix applied.
     *
     * @throws IOException naming the file, and the line and field of a malformed line
     */
    public List<DatasetEntry> readEntries() throws IOException {
        return AnnotationList.read(Path.of(annFile), annotationFormat(), dataPrefix == null ? null : Path.of(dataPrefix),
                multiLabel, withOffset);
    }

    public boolean skipsBadSamples() {
        return onError.equals("skip");
    }
}
