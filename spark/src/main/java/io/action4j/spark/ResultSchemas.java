package io.action4j.spark;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The rows each task's batch job writes (Parquet, JSON lines or any Spark sink). Every schema starts
 * with the video as given and ends with {@code error}: null for a video that ran, the reason for one
 * that failed (whose other columns are then null). Times are seconds from the video's start.
 */
public final class ResultSchemas {

    /**
     * One row per video, or per window: {@code start}/{@code end} of what was scored, the best class and
     * its score, and the {@code topK} best as parallel arrays, best first.
     */
    public static final StructType RECOGNITION = new StructType(new StructField[] {
            field(BatchInference.VIDEO, DataTypes.StringType), field("start", DataTypes.DoubleType),
            field("end", DataTypes.DoubleType), field("label", DataTypes.StringType), field("score", DataTypes.DoubleType),
            field("top_labels", array(DataTypes.StringType)), field("top_scores", array(DataTypes.DoubleType)),
            field("error", DataTypes.StringType)});

    /**
     * One row per segment, best first within a video: {@code label} is the class index of labelled segments
     * and null for BMN's class-agnostic proposals. A video with no segment has no row.
     */
    public static final StructType LOCALIZATION = new StructType(new StructField[] {
            field(BatchInference.VIDEO, DataTypes.StringType), field("duration", DataTypes.DoubleType),
            field("start", DataTypes.DoubleType), field("end", DataTypes.DoubleType),
            field("label", DataTypes.IntegerType), field("score", DataTypes.DoubleType),
            field("error", DataTypes.StringType)});

    /** AVA's result row ({@code video_id,timestamp,x1,y1,x2,y2,action_id,score}) with the label and the person's track. */
    public static final StructType AVA_ROW = new StructType(new StructField[] {
            field("video_id", DataTypes.StringType), field("timestamp", DataTypes.DoubleType),
            field("x1", DataTypes.FloatType), field("y1", DataTypes.FloatType), field("x2", DataTypes.FloatType),
            field("y2", DataTypes.FloatType), field("action_id", DataTypes.IntegerType),
            field("action", DataTypes.StringType), field("score", DataTypes.FloatType),
            field("person", DataTypes.IntegerType)});

    /** One person's action from its start to its end, with the mean score over its keyframes. */
    public static final StructType PERSON_SEGMENT = new StructType(new StructField[] {
            field("person", DataTypes.IntegerType), field("action_id", DataTypes.IntegerType),
            field("action", DataTypes.StringType), field("start", DataTypes.DoubleType),
            field("end", DataTypes.DoubleType), field("score", DataTypes.DoubleType),
            field("keyframes", DataTypes.IntegerType)});

    /** One row per video: its AVA rows and its people's segments, flattened by {@code avaRows} and {@code personSegments}. */
    public static final StructType DETECTION = new StructType(new StructField[] {
            field(BatchInference.VIDEO, DataTypes.StringType), field("video_id", DataTypes.StringType),
            field("duration", DataTypes.DoubleType), field("ava", array(AVA_ROW)),
            field("segments", array(PERSON_SEGMENT)), field("error", DataTypes.StringType)});

    private ResultSchemas() {
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }

    private static ArrayType array(DataType element) {
        return DataTypes.createArrayType(element, true);
    }
}
