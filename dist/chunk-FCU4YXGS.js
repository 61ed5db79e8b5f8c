import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  CHANNEL_LABEL,
  HELD_CHANGE_LABEL,
  MAX_BODY_LENGTH,
  MAX_ELSEWHERE_LENGTH,
  applySuggestions,
  bodyItem,
  buildSuggestion,
  commentBody,
  describeChannels,
  findHunk,
  hunksBetween,
  isSuggestion,
  lineInHunks,
  maxSeverity,
  parsePatch,
  planChannels,
  planReview
} from "./chunk-3UFH24HH.js";
import "./chunk-VQP22EEQ.js";
import "./chunk-MEH5RECA.js";
import "./chunk-DCIAC5TJ.js";
import "./chunk-UCSS3A4U.js";
import "./chunk-TUZBA4WE.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-UQZTLBKW.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  CHANNEL_LABEL,
  HELD_CHANGE_LABEL,
  MAX_BODY_LENGTH,
  MAX_ELSEWHERE_LENGTH,
  applySuggestions,
  bodyItem,
  buildSuggestion,
  commentBody,
  describeChannels,
  findHunk,
  hunksBetween,
  isSuggestion,
  lineInHunks,
  maxSeverity,
  parsePatch,
  planChannels,
  planReview
};
