"""Text stages: normalisation (offset-preserving) and segmentation."""
