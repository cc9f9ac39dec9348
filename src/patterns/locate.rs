//! Thresholds of the `locate` stage: how blocks vote for the container
//! that holds the story (Readability's scoring).

/// Blocks shorter than this (chars) do not vote for their container:
/// Readability's cut-off, it keeps menus and captions from voting.
pub(crate) const MIN_SCORING_CHARS: usize = 25;
/// Each vote is 1 + commas + one point per this many chars...
pub(crate) const CHARS_PER_POINT: usize = 100;
/// ...capped at this many length points, so one huge block cannot win alone.
pub(crate) const MAX_LENGTH_POINTS: f32 = 3.0;
/// How many ancestors above a block receive its vote (parent full, grand-
/// parent half, the rest a third per level).
pub(crate) const VOTE_LEVELS: usize = 5;
/// Class/id hint weight on a container's score (Readability uses 25).
pub(crate) const CLASS_WEIGHT: f32 = 25.0;
/// A sibling of the best container joins the story when its score is at
/// least this share of the best score...
pub(crate) const SIBLING_SHARE: f32 = 0.2;
/// ...and at least this absolute score.
pub(crate) const SIBLING_MIN_SCORE: f32 = 10.0;
/// How many best-scoring candidates are compared when looking for a shared
/// ancestor (Readability uses 5)...
pub(crate) const TOP_CANDIDATES: usize = 5;
/// ...counting those that score at least this share of the best...
pub(crate) const RIVAL_SHARE: f32 = 0.75;
/// ...and moving up to an ancestor that holds at least this many of them:
/// stories split into step or section boxes (how-to pages, live blogs).
pub(crate) const MIN_RIVALS: usize = 3;
