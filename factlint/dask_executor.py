"""``--executor dask``: the extract phase on a Dask cluster.

Phase 1 is a map over documents, so it runs on Dask as batches of paths.
Each worker process builds one Linter (the rule packs travel once, inside
the settings) and reads the files itself, so the workers must see the same
files: a shared volume, as on any batch cluster.  Results come back in order
as JSON text, are stored in the cache here, and the corpus phase runs here on
the summaries, as in a local run.  Without a scheduler address (``--scheduler``
or Dask's own ``DASK_SCHEDULER_ADDRESS``) a local cluster is started with one
single-threaded worker process per job.
"""
from __future__ import annotations

import os

from factlint.errors import ConfigError

BATCH = 64  # paths per task: enough to amortise a task's overhead, small enough to balance
_LINTERS: dict = {}  # one Linter per worker process and configuration


def analyze(linter, pending, jobs=0, scheduler=None):
    """Yield (payload, error) for each pending (path, checked), in order."""
    try:
        import dask
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise ConfigError("--executor dask needs Dask: pip install 'factlint[dask]'") from None
    address = scheduler or dask.config.get("scheduler-address", None)
    cluster = None
    try:
        if address:
            client = Client(address, timeout=dask.config.get("distributed.comm.timeouts.connect"))
        else:
            cluster = LocalCluster(n_workers=jobs or os.cpu_count() or 1, threads_per_worker=1,
                                   processes=True, dashboard_address=None)
            client = Client(cluster)
    except (OSError, TimeoutError) as exc:
        raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        root = os.getcwd()  # paths are relative to here, on the workers' shared file system too
        batches = [pending[i:i + BATCH] for i in range(0, len(pending), BATCH)]
        futures = client.map(_run_batch, batches, root=root, settings=linter.settings,
                             select=linter._select_args, salt=linter.cache_salt, pure=False)
        for future in futures:
            yield from future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _run_batch(batch, root, settings, select, salt):
    """On a worker: analyse a batch of (path, checked) with this process's Linter."""
    from factlint.engine import Linter, _analyze_path

    linter = _LINTERS.get(salt)
    if linter is None:
        linter = _LINTERS[salt] = Linter(settings, select=select[0], extend_select=select[1], ignore=select[2])
    return [_analyze_path(linter, path, checked, root=root) for path, checked in batch]
