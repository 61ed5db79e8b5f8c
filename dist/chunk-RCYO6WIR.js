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
} from "./chunk-MVBQHWC2.js";
import "./chunk-IUHJ4AYE.js";
import "./chunk-MEH5RECA.js";
import "./chunk-AUGRWWU6.js";
import "./chunk-4TU67UMF.js";
import "./chunk-SCSQVYNF.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-7MOTDLS3.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
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
