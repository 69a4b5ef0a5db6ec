"""Settings of the benchmark runs: the production settings unchanged (read from the environment
that common.bench_environment() builds), with a URLconf that adds the bare baseline view.
Never used by the product."""

from motcua.conf.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
