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
} from "./chunk-PJBIBUBD.js";
import "./chunk-3YRHAZUN.js";
import "./chunk-MEH5RECA.js";
import "./chunk-YLDTHILD.js";
import "./chunk-RZVKE7Q3.js";
import "./chunk-LFOF6NNR.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-QB2AKFZH.js";
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
