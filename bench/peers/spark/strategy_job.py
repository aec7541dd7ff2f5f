"""The Spark Structured Streaming peer of the bench (bench/README.md, "Peers"): the seed's strategy_job
(X_input -> X_output) on the pipeline spec's transform, local[2], default trigger.

Usage: strategy_job.py BOOTSTRAP TOPIC_PREFIX CHECKPOINT_DIR
Invalid records are dropped, not dead-lettered: the bench only feeds it valid ones.
"""
import sys
import time

from pyspark.sql import SparkSession
from pyspark.sql.functions import col, concat, from_json, lit, struct, substring, to_json, when
from pyspark.sql.types import IntegerType, LongType, StringType, StructField, StructType

bootstrap, prefix, checkpoint = sys.argv[1], sys.argv[2], sys.argv[3]
TS_MIN = 946684800000
MAX_FUTURE_SKEW_MS = 3_600_000

spark = SparkSession.builder.appName("bench-strategy-job").master("local[2]").getOrCreate()
spark.sparkContext.setLogLevel("WARN")

schema = StructType(
    [StructField("strategy", StringType()), StructField("value", IntegerType()), StructField("ts", LongType())]
)
topics = ",".join(f"{prefix}{s}_input" for s in "ABCD")
source = (
    spark.readStream.format("kafka")
    .option("kafka.bootstrap.servers", bootstrap)
    .option("subscribe", topics)
    .option("startingOffsets", "earliest")
    .load()
)
letter = substring(col("topic"), len(prefix) + 1, 1)
parsed = source.select(col("key"), letter.alias("letter"), from_json(col("value").cast("string"), schema).alias("d"))
v = col("d.value")
valid = parsed.where(
    (col("d.strategy") == col("letter"))
    & v.between(-10000, 10000)
    & (col("d.ts") >= TS_MIN)
    & (col("d.ts") <= lit(int(time.time() * 1000)) + MAX_FUTURE_SKEW_MS)
)
# Piecewise in value, then truncated toward zero: a SQL cast of a double to int.
result = when(v < 30, v * 2).when(v <= 60, v * 1.5 + 10).otherwise(v * v / 100).cast("int")
out = valid.select(
    concat(lit(prefix), col("letter"), lit("_output")).alias("topic"),
    col("key"),
    to_json(struct(result.alias("result"), col("d.ts").alias("ts"))).alias("value"),
)
query = (
    out.writeStream.format("kafka")
    .option("kafka.bootstrap.servers", bootstrap)
    .option("checkpointLocation", checkpoint)
    .start()
)
print("RUNNING", flush=True)
query.awaitTermination()
