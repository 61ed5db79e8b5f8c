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
} from "./chunk-SQTSSAQC.js";
import "./chunk-SAXN4LOG.js";
import "./chunk-MEH5RECA.js";
import "./chunk-3KATX7RG.js";
import "./chunk-U7ANFDVO.js";
import "./chunk-Q2IMW2MT.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-7MOTDLS3.js";
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
