"""Discourse Atlas monthly refresh as an Airflow DAG: the same steps as jobs/refresh-monthly.sh.

spark-submit of the application jar (SparkSubmitOperator, the `spark_default` connection names
the cluster), then the month's report from the notebooks. Copy this file into the DAGs folder and
set the Airflow Variables it reads (defaults in brackets):

  discourse_atlas_home    the checkout holding target/discourse-atlas*.jar and notebooks/
  discourse_atlas_inputs  comma-separated input locations (hdfs://..., s3a://..., /data/...)
  discourse_atlas_output  the output root (the report step needs it on a local or mounted path)
  discourse_atlas_config  a HOCON config file, or empty for the defaults

One writer at a time: the job takes a lease in the output itself (<output>/_runs/writer.lease),
so a second run over the same output, from this DAG's retry while a cluster-mode driver of the
first attempt still runs, from cron or from a person, exits 75 having changed nothing.
max_active_runs=1 keeps Airflow itself from starting two. A failed job fails the task
(spark-submit's exit code); the job publishes a snapshot only when the whole run succeeded, so a
retry starts clean.
Not executed here: no Airflow on the build machine (see the closing note of the refresh issue).
"""

from __future__ import annotations

import shlex
from datetime import datetime, timedelta

from airflow import DAG
from airflow.models import Variable
from airflow.operators.bash import BashOperator
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

HOME = Variable.get("discourse_atlas_home", default_var="/opt/discourse-atlas")
INPUTS = Variable.get("discourse_atlas_inputs", default_var="/data/transcripts").split(",")
OUTPUT = Variable.get("discourse_atlas_output", default_var="/data/atlas")
CONFIG = Variable.get("discourse_atlas_config", default_var="")

# The month the snapshot is written as: the month the run happens in (UTC), as the job's default.
SNAPSHOT = "{{ data_interval_end.strftime('%Y-%m') }}"

job_args = ["--output", OUTPUT, "--snapshot", SNAPSHOT]
for location in INPUTS:
    job_args += ["--input", location.strip()]
if CONFIG:
    job_args += ["--config", CONFIG]

with DAG(
    dag_id="discourse_atlas_monthly",
    description="New transcripts in, snapshot YYYY-MM and its report out",
    schedule="0 3 1 * *",  # 03:00 UTC on the 1st, as the README's crontab line
    start_date=datetime(2026, 1, 1),
    catchup=False,
    max_active_runs=1,
    default_args={"retries": 1, "retry_delay": timedelta(minutes=30)},
    tags=["discourse-atlas"],
) as dag:
    refresh = SparkSubmitOperator(
        task_id="refresh",
        conn_id="spark_default",
        application=f"{HOME}/target/discourse-atlas.jar",
        java_class="org.discourseatlas.job.DiscourseAtlasJob",
        # The CoreNLP models travel to the executors with --jars (README: "how the models travel").
        jars=f"{HOME}/target/discourse-atlas-models.jar",
        name="discourse-atlas-refresh-" + SNAPSHOT,
        driver_memory="2g",
        # 4 GB per 2-core executor: with 3 GB one OOMed in the sentiment stage (docs/benchmarks.md).
        executor_memory="4g",
        executor_cores=2,
        conf={
            "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={HOME}/jobs/conf/log4j2.properties",
        },
        application_args=job_args,
    )

    report = BashOperator(
        task_id="report",
        # Variables quoted for bash; the snapshot template renders to YYYY-MM, safe in quotes.
        bash_command=f"{shlex.quote(HOME + '/notebooks/run.sh')} {shlex.quote(OUTPUT)} '{SNAPSHOT}'",
    )

    refresh >> report
