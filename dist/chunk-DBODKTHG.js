import { createRequire as __kiCreateRequire } from 'node:module'; const require = __kiCreateRequire(import.meta.url);
import {
  BODY_TABLE_HEAD,
  CHANNEL_LABEL,
  MAX_BODY_LENGTH,
  MAX_ELSEWHERE_LENGTH,
  applySuggestions,
  bodyPatch,
  bodyRow,
  buildSuggestion,
  commentBody,
  confidenceOf,
  describeChannels,
  findHunk,
  hunksBetween,
  isSuggestion,
  leadLine,
  lineInHunks,
  maxSeverity,
  parsePatch,
  planChannels,
  planReview,
  severityCounts
} from "./chunk-NANHJDJB.js";
import "./chunk-LYE55XUZ.js";
import "./chunk-MEH5RECA.js";
import "./chunk-GBQPUQWT.js";
import "./chunk-BWIBLJZ3.js";
import "./chunk-HMAY3IZG.js";
import "./chunk-WWHR42BP.js";
import "./chunk-XJ4RNHDL.js";
import "./chunk-GRKRAENP.js";
import "./chunk-QPSMOZU7.js";
import "./chunk-P3YRBRJ7.js";
import "./chunk-23UJLTM7.js";
import "./chunk-FSFUDRU3.js";
import "./chunk-GCJCDDRW.js";
import "./chunk-EAZCXRIZ.js";
export {
  BODY_TABLE_HEAD,
  CHANNEL_LABEL,
  MAX_BODY_LENGTH,
  MAX_ELSEWHERE_LENGTH,
  applySuggestions,
  bodyPatch,
  bodyRow,
  buildSuggestion,
  commentBody,
  confidenceOf,
  describeChannels,
  findHunk,
  hunksBetween,
  isSuggestion,
  leadLine,
  lineInHunks,
  maxSeverity,
  parsePatch,
  planChannels,
  planReview,
  severityCounts
};
