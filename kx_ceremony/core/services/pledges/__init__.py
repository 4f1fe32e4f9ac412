"""The covenant and the pledge: stored documents, editing them piece by piece, first drafts."""
