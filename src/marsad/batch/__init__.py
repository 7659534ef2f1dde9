"""Batch processing of large corpora on Dask (a LocalCluster or an existing cluster)."""
