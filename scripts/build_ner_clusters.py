"""Rebuild the NER word clusters from the raw news (see ``marsad.entities.clusters``).

Usage: ``OPENBLAS_NUM_THREADS=1 python scripts/build_ner_clusters.py
../shared/data/news/saudinewsnet-2015.jsonl.gz src/marsad/entities/model/clusters.tsv``
"""

import sys

from marsad.entities.clusters import build

if __name__ == "__main__":
    build(sys.argv[1], sys.argv[2])
