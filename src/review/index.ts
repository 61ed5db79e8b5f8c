/**
 * Planning the pull-request review, pure functions of a run's result: which findings become
 * inline comments (anchored to the diff's hunks, with suggested changes) and which go to the
 * review body, within GitHub's limits; and where each finding the review cannot hold is reported
 * (channels: SARIF, job summary, annotations, step log). Imports src/report (the formats) and
 * src/engine; src/report never imports this folder.
 */
export { parsePatch, hunksBetween, findHunk, lineInHunks, type Hunk, type AnchorMode } from './diff-hunks.js';
export { buildSuggestion, isSuggestion, applySuggestions, type Suggestion, type NoSuggestion } from './suggestion.js';
export {
  commentBody,
  bodyRow,
  bodyPatch,
  leadLine,
  confidenceOf,
  severityCounts,
  maxSeverity,
  BODY_TABLE_HEAD,
  type CommentContent,
  type BodyItem,
  type HeldChange,
} from './review-comment.js';
export {
  planReview,
  MAX_BODY_LENGTH,
  MAX_ELSEWHERE_LENGTH,
  type ExistingComment,
  type PlannedComment,
  type ReviewPlan,
  type ReviewInput,
  type Elsewhere,
} from './review-plan.js';
export { planChannels, describeChannels, CHANNEL_LABEL, type Channel, type ChannelInput, type ChannelPlan } from './channels.js';
