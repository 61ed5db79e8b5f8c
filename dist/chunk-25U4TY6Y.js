import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  CHANNEL_LABEL,
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
} from "./chunk-GJYNKMZQ.js";
import "./chunk-NYOUKTPE.js";
import "./chunk-MEH5RECA.js";
import "./chunk-QDVYGYTL.js";
import "./chunk-HXRPISSS.js";
import "./chunk-JLXEV5RD.js";
import "./chunk-SKSSCPAE.js";
import "./chunk-QDAHG25K.js";
import "./chunk-QB2AKFZH.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-EAZCXRIZ.js";
export {
  CHANNEL_LABEL,
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
